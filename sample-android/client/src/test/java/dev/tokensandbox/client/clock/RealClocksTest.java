package dev.tokensandbox.client.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RealClocksTest {
  private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");

  @Test
  void executorClockRunsTasksOnItsOwnThreadAndReadsItsClock() throws Exception {
    try (ExecutorClock clock =
        new ExecutorClock(
            Clock.fixed(T0, ZoneOffset.UTC),
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                r -> new Thread(r, "core")))) {
      assertThat(clock.now()).isEqualTo(T0);
      CompletableFuture<String> ran = new CompletableFuture<>();
      clock.schedule(T0.minusSeconds(5), () -> ran.complete(Thread.currentThread().getName()));
      assertThat(ran.get(5, TimeUnit.SECONDS)).isEqualTo("core");

      SandboxClock.Scheduled later =
          clock.schedule(T0.plusSeconds(3600), () -> ran.obtrudeValue("too early"));
      assertThat(later.at()).isEqualTo(T0.plusSeconds(3600));
      assertThat(later.cancel()).isTrue();
      assertThat(later.cancel()).isFalse();
    }
  }

  @Test
  void aClosedExecutorClockDropsNewTasksInsteadOfThrowing() {
    ExecutorClock clock = ExecutorClock.system("closing");
    clock.close();
    List<String> ran = new ArrayList<>();

    SandboxClock.Scheduled s = clock.schedule(clock.now(), () -> ran.add("late"));

    assertThat(s.at()).isNotNull();
    assertThat(s.cancel()).isFalse();
    assertThat(ran).isEmpty();
  }

  @Test
  void aBackgroundRunnerWhoseExecutorIsShutDownDropsTheCall() {
    VirtualClock clock = new VirtualClock(T0);
    java.util.concurrent.ExecutorService io =
        java.util.concurrent.Executors.newSingleThreadExecutor();
    io.shutdown();
    List<String> got = new ArrayList<>();

    CallRunner.background(clock, io).run(() -> "late", got::add);
    clock.advanceBy(Duration.ofSeconds(1));

    assertThat(got).isEmpty();
  }

  @Test
  void aSkewedClockReadsAheadButWaitsTheSameRealTime() {
    VirtualClock base = new VirtualClock(T0);
    SkewedClock phone = new SkewedClock(base, Duration.ofMinutes(20));
    List<Instant> fired = new ArrayList<>();
    assertThat(phone.now()).isEqualTo(T0.plusSeconds(1200));

    SandboxClock.Scheduled s =
        phone.scheduleAfter(Duration.ofSeconds(30), () -> fired.add(base.now()));
    assertThat(s.at()).isEqualTo(T0.plusSeconds(1230));
    base.advanceBy(Duration.ofMinutes(1));
    assertThat(fired).containsExactly(T0.plusSeconds(30));
  }

  @Test
  void callRunnersDeliverOnTheClock() {
    VirtualClock clock = new VirtualClock(T0);
    List<String> got = new ArrayList<>();
    CallRunner.inline(clock, Duration.ofMillis(500))
        .run(() -> "answer", r -> got.add(r + " at " + clock.now()));
    assertThat(got).isEmpty();
    clock.advanceBy(Duration.ofSeconds(1));
    assertThat(got).containsExactly("answer at " + T0.plusMillis(500));

    CallRunner.background(clock, Runnable::run)
        .run(() -> "bg", r -> got.add(r + " at " + clock.now()));
    clock.advanceBy(Duration.ZERO);
    assertThat(got).endsWith("bg at " + T0.plusSeconds(1));
  }
}
