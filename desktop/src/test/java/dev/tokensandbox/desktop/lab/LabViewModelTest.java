package dev.tokensandbox.desktop.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensandbox.backend.server.SandboxServer;
import dev.tokensandbox.backend.workspace.Workspace;
import dev.tokensandbox.client.clock.VirtualClock;
import dev.tokensandbox.client.presets.Presets;
import dev.tokensandbox.client.rtc.SdkProfile;
import dev.tokensandbox.client.session.EventKind;
import dev.tokensandbox.client.session.RenewalPolicy;
import dev.tokensandbox.desktop.testing.SandboxUnderTest;
import dev.tokensandbox.protocol.Flow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The lab's view-model with a real runtime (its own mock backend), driven by a virtual "real" clock
 * so 600× is exact and nothing waits. No FX toolkit.
 */
class LabViewModelTest {
  private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");

  private final VirtualClock real = new VirtualClock(T0);
  private final LabViewModel model =
      new LabViewModel(dev.tokensandbox.desktop.tasks.TaskExecutor.currentThread());
  private final LabRuntime runtime =
      LabRuntime.on(real, T0, Workspace.generate(new Random(3)), model);

  {
    model.attach(runtime);
  }

  @AfterEach
  void close() {
    runtime.close();
  }

  @Test
  void aPresetAt600xShowsWillExpireAndRenewalThenItsVerdict() {
    model.selectedProperty().set(Presets.byId("join-shorter-than-publish").orElseThrow());
    model.run(600);
    real.advanceBy(Duration.ofMillis(90));
    assertThat(model.rows())
        .extracting(LabViewModel.Row::kind)
        .contains(EventKind.JOINED, EventKind.WILL_EXPIRE)
        .doesNotContain(EventKind.KICKED);
    real.advanceBy(Duration.ofMillis(10));
    assertThat(model.timeProperty().get()).isEqualTo("+60.0 s  600×");
    assertThat(model.rows()).extracting(LabViewModel.Row::kind).contains(EventKind.KICKED);

    real.advanceBy(Duration.ofMillis(200));
    assertThat(model.rows())
        .filteredOn(r -> r.kind() == EventKind.RENEWED)
        .extracting(LabViewModel.Row::offset)
        .containsExactly(61.0);
    assertThat(model.verdictProperty().get()).startsWith("PASS — Join privilege shorter");
    assertThat(model.runLengthProperty().get()).isEqualTo(100.0);
    assertThat(model.timeProperty().get()).as("a finished run says so").endsWith("finished");
    assertThat(model.speedProperty().get()).isZero();
    assertThat(model.verdictProperty().get())
        .as("PASS lists what it checked")
        .contains("✓ JOINED")
        .doesNotContain("✗");
    assertThat(model.rows())
        .filteredOn(r -> r.kind() == EventKind.WILL_EXPIRE)
        .first()
        .satisfies(r -> assertThat(r.text()).contains("onTokenPrivilegeWillExpire · "));
  }

  @Test
  void theShortLifetimePresetEndsWithItsFindingInTheVerdict() {
    model.selectedProperty().set(Presets.byId("short-lifetime").orElseThrow());
    model.run(600);
    real.advanceBy(Duration.ofMillis(10));
    assertThat(model.inProgressProperty().get()).isTrue();
    real.advanceBy(Duration.ofMillis(290));

    assertThat(model.inProgressProperty().get()).isFalse();
    assertThat(model.verdictProperty().get())
        .startsWith("PASS — Token lifetime under 30 s")
        .endsWith(
            "\nFinding: token lifetime 20 s is shorter than the 30 s will-expire window: every"
                + " token is renewed at once (renewing once per token, with backoff)");
    assertThat(model.rows()).filteredOn(r -> r.kind() == EventKind.RENEWED).hasSizeLessThan(15);
  }

  @Test
  void anotherPresetForgetsTheLastRunsVerdictAndTimeline() {
    model.selectedProperty().set(Presets.byId("join-shorter-than-publish").orElseThrow());
    model.run(600);
    real.advanceBy(Duration.ofMillis(300));
    assertThat(model.verdictProperty().get()).startsWith("PASS");

    model.selectedProperty().set(Presets.byId("short-lifetime").orElseThrow());

    assertThat(model.rows()).isEmpty();
    assertThat(model.verdictProperty().get()).isEqualTo("Run it to see its timeline and verdict.");
    assertThat(model.descriptionProperty().get()).startsWith("A 20 s token");
    assertThat(model.runLengthProperty().get()).isEqualTo(60.0);
  }

  @Test
  void aRunAgainstYourBackendGoesInRealTimeAndGivesItsVerdict() throws Exception {
    // A second sandbox process stands in for "your backend".
    Workspace theirs = Workspace.generate(new Random(9));
    try (SandboxServer yours =
        SandboxServer.builder().workspace(theirs).port(0).demoMode(true).log(l -> {}).start()) {
      model.yourBackend().urlProperty().set(yours.url());
      model.yourBackend().flowProperty().set(Flow.GIN);
      model.yourBackend().appIdProperty().set(theirs.appId());
      model.yourBackend().certificateProperty().set(theirs.appCertificate());
      model.externalRunFor(32, Duration.ofSeconds(4));
      model.runAgainstYourBackend();
      real.advanceBy(Duration.ZERO);

      SandboxUnderTest.await("the run to start", () -> model.realTimeProperty().get());
      SandboxUnderTest.await(
          "the verdict", () -> model.verdictProperty().get().startsWith("PASS — your backend"));
      assertThat(model.realTimeProperty().get()).as("over: speeds come back").isFalse();
      assertThat(model.rows())
          .extracting(LabViewModel.Row::kind)
          .contains(EventKind.JOINED, EventKind.WILL_EXPIRE, EventKind.RENEWED)
          .doesNotContain(EventKind.KICKED);
      assertThat(model.rows())
          .filteredOn(r -> r.kind() == EventKind.WILL_EXPIRE)
          .first()
          .satisfies(r -> assertThat(r.text()).contains("onTokenPrivilegeWillExpire"));
      assertThat(model.rows())
          .as("the token lane has its lifetimes")
          .filteredOn(r -> r.kind() == EventKind.RENEWED)
          .allMatch(r -> !Double.isNaN(r.expiresAt()));
      assertThat(model.descriptionProperty().get())
          .startsWith("A virtual device fetches 32 s tokens");
      // The bug report carries the run, its verdict and no secret.
      var report =
          dev.tokensandbox.desktop.scenarios.BugReport.of(
              "now",
              "",
              model.lastRun(),
              dev.tokensandbox.protocol.admin.FaultPlan.none(),
              java.util.List.of(),
              java.util.List.of(),
              java.util.List.of());
      assertThat(report.lab().preset()).isEqualTo("your-backend");
      assertThat(report.lab().verdict()).isEqualTo("PASS");
      assertThat(report.lab().title())
          .contains(yours.url())
          .doesNotContain(theirs.appCertificate());
      assertThat(report.lab().events()).isNotEmpty();

      // The same backend checked with another certificate: its tokens are refused at the join,
      // so a one-second run says so.
      model.yourBackend().certificateProperty().set("0123456789abcdef0123456789abcdef");
      model.externalRunFor(32, Duration.ofSeconds(1));
      model.runAgainstYourBackend();
      real.advanceBy(Duration.ZERO);
      SandboxUnderTest.await(
          "the failing verdict", () -> model.verdictProperty().get().startsWith("FAIL"));
      assertThat(model.verdictProperty().get())
          .contains("the RTC service refused the server's token")
          .doesNotContain("0123456789abcdef0123456789abcdef");
    }
  }

  @Test
  void aRunAgainstYourBackendSaysWhatIsMissing() {
    model.runAgainstYourBackend();
    assertThat(model.verdictProperty().get()).startsWith("Your backend: the URL must start");
    model.yourBackend().urlProperty().set("http://localhost:3000");
    model.yourBackend().flowProperty().set(Flow.RINGNITY);
    model.runAgainstYourBackend();
    assertThat(model.verdictProperty().get()).contains("needs an RTC flow");
    model.yourBackend().flowProperty().set(Flow.SHENGWANG);
    model.runAgainstYourBackend();
    assertThat(model.verdictProperty().get()).contains("give its App ID and App Certificate");
    model.yourBackend().appIdProperty().set("abc");
    model.yourBackend().certificateProperty().set("def");
    model.runAgainstYourBackend();
    assertThat(model.verdictProperty().get()).contains("32 hex digits");
  }

  @Test
  void pauseJumpAndSpeedControlVirtualTime() {
    model.selectedProperty().set(Presets.byId("backend-down-backoff").orElseThrow());
    model.run(10);
    real.advanceBy(Duration.ofSeconds(1));
    model.pause();
    real.advanceBy(Duration.ofSeconds(5));
    assertThat(model.timeProperty().get()).isEqualTo("+10.0 s  paused");

    model.nextEvent();
    real.advanceBy(Duration.ofMillis(100));
    assertThat(model.nowProperty().get()).isEqualTo(20.0);

    model.play(60);
    real.advanceBy(Duration.ofSeconds(3));
    assertThat(model.rows())
        .extracting(LabViewModel.Row::kind)
        .contains(EventKind.WILL_EXPIRE, EventKind.FETCH_FAILED, EventKind.RETRY_SCHEDULED);
  }

  @Test
  void lifetimesRunFromEachJoinOrRenewalToTheTokensEnd() {
    model.selectedProperty().set(Presets.byId("join-shorter-than-publish").orElseThrow());
    model.run(600);
    real.advanceBy(Duration.ofMillis(300));

    assertThat(model.rows())
        .filteredOn(LabViewModel.Row::startsLifetime)
        .extracting(LabViewModel.Row::kind, LabViewModel.Row::offset, LabViewModel.Row::expiresAt)
        .first()
        .isEqualTo(org.assertj.core.groups.Tuple.tuple(EventKind.JOINED, 1.0, 60.0));
  }

  @Test
  void expireNowKicksTheRunningDevice() {
    model.selectedProperty().set(Presets.byId("join-shorter-than-publish").orElseThrow());
    model.run(600);
    real.advanceBy(Duration.ofMillis(10));
    model.expireNow();
    real.advanceBy(Duration.ofMillis(1));

    assertThat(model.rows())
        .filteredOn(r -> r.kind() == EventKind.REQUEST_TOKEN)
        .extracting(LabViewModel.Row::offset)
        .first()
        .satisfies(at -> assertThat(at).isLessThan(10.0));
  }

  @Test
  void aChangedPolicyIsRunAndSaidSo() {
    // The preset renews on onRequestToken only; switch it to will-expire.
    model.selectedProperty().set(Presets.byId("join-shorter-than-publish").orElseThrow());
    model.triggerProperty().set(RenewalPolicy.Trigger.WILL_EXPIRE);
    model.run(600);
    real.advanceBy(Duration.ofMillis(300));

    assertThat(model.verdictProperty().get()).startsWith("FAIL");
    assertThat(model.rows())
        .filteredOn(r -> r.kind() == EventKind.FETCH_STARTED && r.offset() > 0)
        .extracting(LabViewModel.Row::offset)
        .first()
        .isEqualTo(30.0);
  }

  @Test
  void theRunSaysWhenItsPolicyWasChanged() {
    model.selectedProperty().set(Presets.byId("join-shorter-than-publish").orElseThrow());
    model.triggerProperty().set(RenewalPolicy.Trigger.BOTH);
    model.run(600);
    real.advanceBy(Duration.ofMillis(50));

    assertThat(model.verdictProperty().get()).endsWith("changed: renew on BOTH");
  }

  @Test
  void anOlderSdkGenerationIsJudgedByWhatAppsOfThatGenerationDo() {
    model.selectedProperty().set(Presets.byId("renew-after-kick").orElseThrow());
    model.sdkProperty().set(SdkProfile.V3);
    model.run(600);
    real.advanceBy(Duration.ofSeconds(1));

    // A 3.x app leaves and joins again after the kick: that is its recovery, not a failure.
    assertThat(model.verdictProperty().get())
        .startsWith("PASS")
        .contains("Agora RTC 3.x")
        .contains("✓ JOINED at +136.0 s");
    assertThat(model.rows())
        .anyMatch(r -> r.detail().contains("leaveChannel, then join again"))
        .noneMatch(r -> r.kind() == EventKind.REJOINED);
  }

  @Test
  void aFaultAddedDuringTheRunFailsTheRenewal() {
    model.selectedProperty().set(Presets.byId("join-shorter-than-publish").orElseThrow());
    model.run(600);
    real.advanceBy(Duration.ofMillis(10));
    model.fault("Token routes answer 503");
    real.advanceBy(Duration.ofMillis(100));

    assertThat(model.rows())
        .filteredOn(r -> r.kind() == EventKind.FETCH_FAILED)
        .extracting(LabViewModel.Row::offset)
        .first()
        .satisfies(at -> assertThat(at).isGreaterThanOrEqualTo(30.0));
  }

  @Test
  void aPresetsDescriptionAndExpectationsShowBeforeItRuns() {
    model.selectedProperty().set(Presets.byId("short-lifetime").orElseThrow());
    assertThat(model.descriptionProperty().get())
        .startsWith("A 20 s token: onTokenPrivilegeWillExpire fires at once")
        .contains("Expects: ");
  }

  @Test
  void aTokensBarEndsWhereAKickCutItNotAtItsOldExpiry() {
    List<LabViewModel.Row> rows =
        List.of(
            new LabViewModel.Row(1, EventKind.JOINED, "joined", 301),
            new LabViewModel.Row(40, EventKind.KICKED, "token or join privilege expired"),
            new LabViewModel.Row(41, EventKind.REJOINED, "rejoined", 341));

    assertThat(LabViewModel.lifetimes(rows, 100))
        .containsExactly(
            new LabViewModel.Lifetime(1, 40, true, "cut by a kick"),
            new LabViewModel.Lifetime(41, 100, false, "replaced"));
  }

  @Test
  void rowsReadAsALog() {
    LabViewModel.Row row = new LabViewModel.Row(90.5, EventKind.WILL_EXPIRE, "kick in 30 s");
    assertThat(row.text()).isEqualTo("+  90.500 s  WILL_EXPIRE     kick in 30 s");
  }
}
