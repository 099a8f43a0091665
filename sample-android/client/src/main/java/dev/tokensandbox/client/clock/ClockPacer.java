package dev.tokensandbox.client.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Runs a {@link VirtualClock} at a speed factor against a real clock: paused, 1×, 10×, 60×, 600× or
 * any factor up to {@link #MAX_SPEED}. It wakes on the real clock exactly when the next virtual
 * event is due (and at least every {@code maxTick} so displays stay smooth), never by polling in a
 * loop. Call it from the real clock's thread, the same thread the virtual tasks run on.
 */
public final class ClockPacer {
  /** The speeds the sandbox offers by name. */
  public static final double[] PRESET_SPEEDS = {1, 10, 60, 600};

  /** The virtual time's one limit, shared with the backend's clock. */
  public static final double MAX_SPEED = dev.tokensandbox.protocol.VirtualTime.MAX_SPEED;

  private final VirtualClock virtual;
  private final SandboxClock real;
  private final Duration maxTick;
  private double speed;
  private Instant anchorReal;
  private Instant anchorVirtual;
  private SandboxClock.Scheduled tick;

  public ClockPacer(VirtualClock virtual, SandboxClock real, Duration maxTick) {
    if (maxTick.isNegative() || maxTick.isZero()) {
      throw new IllegalArgumentException("maxTick must be positive");
    }
    this.virtual = virtual;
    this.real = real;
    this.maxTick = maxTick;
    virtual.setWakeListener(
        () -> {
          if (speed > 0 && anchorReal != null) {
            scheduleTick();
          }
        });
  }

  public VirtualClock virtual() {
    return virtual;
  }

  /** 0 when paused. */
  public double speed() {
    return speed;
  }

  public boolean isPaused() {
    return speed == 0;
  }

  /** Runs virtual time at {@code factor} × real time from now on. */
  public void play(double factor) {
    if (!(factor > 0 && factor <= MAX_SPEED)) {
      throw new IllegalArgumentException("speed must be in (0, " + (long) MAX_SPEED + "]");
    }
    catchUp();
    speed = factor;
    reanchor();
  }

  /** Stops virtual time where it is. */
  public void pause() {
    catchUp();
    speed = 0;
    cancelTick();
  }

  /** Jumps to the next scheduled virtual event and runs it; false when nothing is pending. */
  public boolean jumpToNextEvent() {
    catchUp();
    boolean ran = virtual.runNextEvent();
    reanchor();
    return ran;
  }

  /** Moves virtual time forward by {@code duration}, running what falls due. */
  public void advanceBy(Duration duration) {
    catchUp();
    virtual.advanceBy(duration);
    reanchor();
  }

  /**
   * Brings virtual time up to the real time elapsed since the last tick (running what falls due).
   * Between ticks virtual time lags by up to {@code maxTick × speed}; call this before acting "now"
   * from outside, e.g. before a user's command.
   */
  public void sync() {
    catchUp();
  }

  private void catchUp() {
    if (speed == 0 || anchorReal == null) {
      return;
    }
    Instant target = virtualAt(real.now());
    if (target.isAfter(virtual.now())) {
      virtual.advanceTo(target);
    }
  }

  private Instant virtualAt(Instant realTime) {
    long realNanos = Duration.between(anchorReal, realTime).toNanos();
    return anchorVirtual.plusNanos((long) (realNanos * speed));
  }

  private void reanchor() {
    cancelTick();
    anchorReal = real.now();
    anchorVirtual = virtual.now();
    if (speed > 0) {
      scheduleTick();
    }
  }

  private void scheduleTick() {
    cancelTick();
    Instant wake = real.now().plus(maxTick);
    Optional<Instant> next = virtual.nextEventAt();
    if (next.isPresent()) {
      long virtualNanos = Duration.between(anchorVirtual, next.get()).toNanos();
      Instant due = anchorReal.plusNanos((long) Math.ceil(virtualNanos / speed));
      if (due.isBefore(wake)) {
        wake = due;
      }
    }
    tick = real.schedule(wake, this::onTick);
  }

  private void onTick() {
    tick = null;
    catchUp();
    if (speed > 0) {
      scheduleTick();
    }
  }

  private void cancelTick() {
    if (tick != null) {
      tick.cancel();
      tick = null;
    }
  }
}
