package dev.tokensandbox.client.clock;

import java.time.Duration;
import java.time.Instant;

/**
 * A device whose clock is off: {@link #now()} reads the base clock plus {@code skew}, while a task
 * scheduled "at" a local time still runs after the same real wait. Code that compares absolute
 * server timestamps with this clock goes wrong exactly as it does on a phone with a bad clock.
 */
public final class SkewedClock implements SandboxClock {
  private final SandboxClock base;
  private final Duration skew;

  public SkewedClock(SandboxClock base, Duration skew) {
    this.base = base;
    this.skew = skew;
  }

  public Duration skew() {
    return skew;
  }

  @Override
  public Instant now() {
    return base.now().plus(skew);
  }

  @Override
  public Scheduled schedule(Instant at, Runnable task) {
    Scheduled inner = base.schedule(at.minus(skew), task);
    return new Scheduled() {
      @Override
      public boolean cancel() {
        return inner.cancel();
      }

      @Override
      public Instant at() {
        return at;
      }
    };
  }
}
