package dev.tokensandbox.backend.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The backend's adjustable clock: a base clock shifted by an offset and run at a speed factor, so
 * the sandbox API can skew server time or fast-forward it. Thread-safe; every token the backend
 * issues reads its time here.
 */
public final class SandboxTime extends Clock {
  /**
   * The fastest the sandbox clock may run: the virtual time's one limit, shared with the client.
   */
  public static final double MAX_SPEED = dev.tokensandbox.protocol.VirtualTime.MAX_SPEED;

  private final Clock base;
  private volatile State state;

  /** Anchored: virtual = anchorVirtual + (base - anchorBase) * speed. */
  private record State(Instant anchorBase, Instant anchorVirtual, double speed) {}

  /**
   * Sandbox time that follows another clock's readings (e.g. a simulation's virtual clock), so an
   * embedded backend issues and checks tokens in that time. {@code now} must be thread-safe.
   */
  public static SandboxTime following(java.util.function.Supplier<Instant> now) {
    return new SandboxTime(dev.tokensandbox.protocol.VirtualTime.clock(now));
  }

  public SandboxTime(Clock base) {
    this.base = base;
    Instant now = base.instant();
    this.state = new State(now, now, 1.0);
  }

  @Override
  public Instant instant() {
    State s = state;
    Duration elapsed = Duration.between(s.anchorBase, base.instant());
    if (s.speed == 1.0) {
      return s.anchorVirtual.plus(elapsed);
    }
    long nanos = (long) (elapsed.toNanos() * s.speed);
    return s.anchorVirtual.plusNanos(nanos);
  }

  /** How far sandbox time is ahead of the base clock (negative: behind). */
  public Duration offset() {
    return Duration.between(base.instant(), instant());
  }

  public double speed() {
    return state.speed;
  }

  /** Sets sandbox time to base time + {@code offset}, keeping the current speed. */
  public synchronized void setOffset(Duration offset) {
    Instant now = base.instant();
    state = new State(now, now.plus(offset), state.speed);
  }

  /** Runs sandbox time at {@code speed} × real time from now on (0 pauses it). */
  public synchronized void setSpeed(double speed) {
    if (speed < 0 || speed > MAX_SPEED || Double.isNaN(speed)) {
      throw new IllegalArgumentException("speed must be 0.." + (long) MAX_SPEED);
    }
    Instant now = base.instant();
    state = new State(now, instant(), speed);
  }

  /** Back to real time: no offset, speed 1. */
  public synchronized void reset() {
    Instant now = base.instant();
    state = new State(now, now, 1.0);
  }

  @Override
  public ZoneId getZone() {
    return base.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("SandboxTime has one zone");
  }
}
