package dev.tokensandbox.client.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VirtualClockTest {
  private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");
  private final VirtualClock clock = new VirtualClock(T0);
  private final List<String> log = new ArrayList<>();

  @Test
  void tasksRunInTimeOrderAtTheirOwnTime() {
    clock.scheduleAfter(Duration.ofSeconds(3600), () -> log.add("expire@" + clock.now()));
    clock.scheduleAfter(Duration.ofSeconds(3570), () -> log.add("will-expire@" + clock.now()));

    assertThat(clock.advanceBy(Duration.ofHours(2))).isEqualTo(2);

    assertThat(log)
        .containsExactly("will-expire@2026-11-24T12:59:30Z", "expire@2026-11-24T13:00:00Z");
    assertThat(clock.now()).isEqualTo(T0.plus(Duration.ofHours(2)));
  }

  @Test
  void nothingRunsBeforeItsTime() {
    clock.scheduleAfter(Duration.ofSeconds(30), () -> log.add("x"));

    clock.advanceBy(Duration.ofSeconds(29));

    assertThat(log).isEmpty();
    assertThat(clock.nextEventAt()).contains(T0.plusSeconds(30));
  }

  @Test
  void cancelledTasksNeverRun() {
    SandboxClock.Scheduled task = clock.scheduleAfter(Duration.ofSeconds(10), () -> log.add("x"));

    assertThat(task.cancel()).isTrue();
    clock.advanceBy(Duration.ofMinutes(1));

    assertThat(log).isEmpty();
    assertThat(task.cancel()).isFalse();
    assertThat(clock.nextEventAt()).isEmpty();
  }

  @Test
  void tasksScheduledWhileRunningRunInTheSameAdvance() {
    clock.scheduleAfter(
        Duration.ofSeconds(10),
        () -> {
          log.add("renew@" + clock.now());
          clock.scheduleAfter(Duration.ofSeconds(10), () -> log.add("again@" + clock.now()));
        });

    clock.advanceBy(Duration.ofSeconds(30));

    assertThat(log).containsExactly("renew@2026-11-24T12:00:10Z", "again@2026-11-24T12:00:20Z");
  }

  @Test
  void runNextEventJumpsStraightToIt() {
    clock.scheduleAfter(Duration.ofDays(1), () -> log.add("late"));

    assertThat(clock.runNextEvent()).isTrue();
    assertThat(clock.now()).isEqualTo(T0.plus(Duration.ofDays(1)));
    assertThat(log).containsExactly("late");
    assertThat(clock.runNextEvent()).isFalse();
  }

  @Test
  void pastTimesRunAtOnceAndTimeNeverGoesBack() {
    clock.schedule(T0.minusSeconds(5), () -> log.add("overdue@" + clock.now()));

    clock.advanceBy(Duration.ZERO);

    assertThat(log).containsExactly("overdue@2026-11-24T12:00:00Z");
    assertThatThrownBy(() -> clock.advanceTo(T0.minusSeconds(1)))
        .hasMessageContaining("time cannot go back");
  }
}
