package dev.tokensandbox.client.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pacer against a "real" clock that is itself virtual, so every tick is exact. */
class ClockPacerTest {
  private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");

  private final VirtualClock real = new VirtualClock(T0);
  private final VirtualClock virtual = new VirtualClock(T0);
  private final ClockPacer pacer = new ClockPacer(virtual, real, Duration.ofMillis(250));
  private final List<String> fired = new ArrayList<>();

  @Test
  void pausedByDefaultThenRunsAtEachPresetSpeed() {
    virtual.schedule(T0.plusSeconds(600), () -> fired.add("event at " + virtual.now()));
    real.advanceBy(Duration.ofSeconds(5));
    assertThat(virtual.now()).isEqualTo(T0);

    double elapsed = 0;
    for (double speed : ClockPacer.PRESET_SPEEDS) {
      pacer.play(speed);
      real.advanceBy(Duration.ofSeconds(1));
      pacer.sync();
      elapsed += speed;
      assertThat(virtual.now()).isEqualTo(T0.plusMillis(Math.round(elapsed * 1000)));
    }
    assertThat(elapsed).isEqualTo(671);
    assertThat(fired).containsExactly("event at " + T0.plusSeconds(600));
  }

  @Test
  void wakesExactlyWhenTheNextVirtualEventIsDue() {
    virtual.schedule(T0.plusSeconds(900), () -> fired.add("real " + real.now()));
    pacer.play(600);
    real.advanceBy(Duration.ofSeconds(2));
    assertThat(fired).containsExactly("real " + T0.plusMillis(1500));
  }

  @Test
  void anEventScheduledWhileRunningWakesThePacerEarly() {
    pacer.play(60);
    real.advanceBy(Duration.ofMillis(100));
    pacer.sync();
    assertThat(virtual.now()).isEqualTo(T0.plusSeconds(6));
    virtual.schedule(virtual.now().plusSeconds(1), () -> fired.add("real " + real.now()));
    real.advanceBy(Duration.ofSeconds(1));
    assertThat(fired).containsExactly("real " + T0.plusMillis(100).plusNanos(16_666_667));
    assertThat(real.nextEventAt()).as("the pacer keeps ticking").isPresent();
  }

  @Test
  void pauseFreezesVirtualTimeAndJumpRunsTheNextEvent() {
    virtual.schedule(T0.plusSeconds(3600), () -> fired.add("hour"));
    pacer.play(10);
    real.advanceBy(Duration.ofSeconds(3));
    pacer.pause();
    real.advanceBy(Duration.ofHours(1));
    assertThat(virtual.now()).isEqualTo(T0.plusSeconds(30));
    assertThat(pacer.isPaused()).isTrue();

    assertThat(pacer.jumpToNextEvent()).isTrue();
    assertThat(fired).containsExactly("hour");
    assertThat(virtual.now()).isEqualTo(T0.plusSeconds(3600));
    assertThat(pacer.jumpToNextEvent()).isFalse();

    pacer.advanceBy(Duration.ofMinutes(5));
    assertThat(virtual.now()).isEqualTo(T0.plusSeconds(3900));
  }

  @Test
  void rejectsSpeedsOutOfRange() {
    assertThatThrownBy(() -> pacer.play(0)).hasMessageContaining("speed must be in (0, 100000]");
    assertThatThrownBy(() -> pacer.play(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> pacer.play(1e6)).isInstanceOf(IllegalArgumentException.class);
  }
}
