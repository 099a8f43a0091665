package dev.tokensandbox.protocol;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * What the backend's adjustable clock and the client core's paced virtual clock share: one speed
 * limit, and the one adapter from a reading of virtual time to a {@link java.time.Clock} (the
 * backend issues and checks tokens in a simulation's time through it, the JUnit artifact hands it
 * to the code under test).
 */
public final class VirtualTime {
  /** The fastest virtual time may run, in seconds per real second, on either side. */
  public static final double MAX_SPEED = 100_000;

  private VirtualTime() {}

  /** A {@link Clock} in UTC whose instant is {@code now}'s reading; {@code now} thread-safe. */
  public static Clock clock(Supplier<Instant> now) {
    return new Reading(now, ZoneOffset.UTC);
  }

  private static final class Reading extends Clock {
    private final Supplier<Instant> now;
    private final ZoneId zone;

    Reading(Supplier<Instant> now, ZoneId zone) {
      this.now = now;
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
      return other.equals(zone) ? this : new Reading(now, other);
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }
}
