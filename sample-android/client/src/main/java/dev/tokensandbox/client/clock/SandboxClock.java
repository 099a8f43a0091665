package dev.tokensandbox.client.clock;

import java.time.Duration;
import java.time.Instant;

/**
 * The one source of "now" and "run this at time T" for the client core. {@link VirtualClock} is
 * driven by hand so tests and the desktop's expiry lab can pause, fast-forward and jump to the next
 * event; a wall-clock implementation joins it with the renewal engine.
 */
public interface SandboxClock {

  /** The current time. */
  Instant now();

  /** Runs {@code task} once at {@code at} (immediately if {@code at} is not in the future). */
  Scheduled schedule(Instant at, Runnable task);

  /** Runs {@code task} once after {@code delay}. */
  default Scheduled scheduleAfter(Duration delay, Runnable task) {
    return schedule(now().plus(delay), task);
  }

  /** A scheduled task that can be cancelled before it runs. */
  interface Scheduled {
    /** Cancels the task; returns false when it already ran or was cancelled. */
    boolean cancel();

    Instant at();
  }
}
