package dev.tokensandbox.desktop.devices;

import static dev.tokensandbox.desktop.testing.SandboxUnderTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensandbox.desktop.testing.SandboxTest;
import dev.tokensandbox.protocol.Flow;
import dev.tokensandbox.protocol.admin.FaultRule;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Virtual devices from the client core, in real time against a real backend. */
class DevicesViewModelTest extends SandboxTest {
  private DevicesViewModel model;

  @BeforeEach
  void model() {
    model = sut.sandbox.devices;
  }

  private boolean logHas(DevicesViewModel.Row row, String kind) {
    return ui.call(() -> row.log().stream().anyMatch(l -> l.contains("  " + kind + "  ")));
  }

  @Test
  void anRtcDeviceJoinsShowsACountdownAndRecoversFromExpireNow() {
    DevicesViewModel.Row row = ui.call(model::add);
    await("the join", () -> ui.call(() -> row.stateProperty().get()).equals("CONNECTED"));
    ui.run(model::tick);
    assertThat(ui.call(() -> row.countdownProperty().get())).matches("1:[0-2]\\d|\\d+ s");
    assertThat(ui.call(() -> row.tokenProperty().get())).startsWith("tok:");

    ui.run(model::expireNow);
    await("the renewal", () -> logHas(row, "REQUEST_TOKEN") && logHas(row, "REJOINED"));
    assertThat(ui.call(() -> row.countsProperty().get())).startsWith("1 renewal ·");
  }

  @Test
  void aDeviceAgainstYourBackendJoinsAndRenewsThroughIt() {
    // A second sandbox stands in for "your backend".
    dev.tokensandbox.backend.workspace.Workspace theirs =
        dev.tokensandbox.backend.workspace.Workspace.generate(new java.util.Random(31));
    try (dev.tokensandbox.backend.server.SandboxServer yours =
        dev.tokensandbox.backend.server.SandboxServer.builder()
            .workspace(theirs)
            .port(0)
            .demoMode(true)
            .log(l -> {})
            .start()) {
      ui.run(
          () -> {
            model.addToYourBackend();
            assertThat(model.messageProperty().get()).startsWith("Your backend: the URL must");
            model.yourBackend().urlProperty().set(yours.url());
            model.yourBackend().appIdProperty().set(theirs.appId());
            model.yourBackend().certificateProperty().set(theirs.appCertificate());
            model.addToYourBackend();
          });
      await("the device", () -> ui.call(() -> model.rows().size()) == 1);
      DevicesViewModel.Row row = ui.call(() -> model.rows().get(0));
      assertThat(row.name()).startsWith("yours-");
      await("the join", () -> ui.call(() -> row.stateProperty().get()).equals("CONNECTED"));
      assertThat(yours.admin().tokens()).as("the token came from your backend").hasSize(1);

      ui.run(model::expireNow);
      await("the renewal", () -> logHas(row, "REJOINED"));
      assertThat(yours.admin().tokens()).hasSize(2);
      assertThat(ui.call(model::definitions)).as("not saved in scenarios").isEmpty();
    }
  }

  @Test
  void aDeviceAgainstAGinStyleBackendAsksItsRoutesAsTheSeedDoesWithoutALogin() {
    dev.tokensandbox.backend.workspace.Workspace theirs =
        dev.tokensandbox.backend.workspace.Workspace.generate(new java.util.Random(32));
    try (dev.tokensandbox.backend.server.SandboxServer yours =
        dev.tokensandbox.backend.server.SandboxServer.builder()
            .workspace(theirs)
            .port(0)
            .demoMode(true)
            .log(l -> {})
            .start()) {
      ui.run(
          () -> {
            model.newFlowProperty().set(Flow.GIN);
            model.yourBackend().urlProperty().set(yours.url());
            model.yourBackend().appIdProperty().set(theirs.appId());
            model.yourBackend().certificateProperty().set(theirs.appCertificate());
            model.addToYourBackend();
          });
      await("the device", () -> ui.call(() -> model.rows().size()) == 1);
      DevicesViewModel.Row row = ui.call(() -> model.rows().get(0));
      await("the join", () -> ui.call(() -> row.stateProperty().get()).equals("CONNECTED"));

      // The Gin seed has no login: a route that works for check and the lab works here too.
      assertThat(yours.admin().journal(100).entries())
          .extracting(e -> e.path())
          .anyMatch(p -> p.startsWith("/rtc/"))
          .noneMatch(p -> p.startsWith("/auth/"));
    }
  }

  @Test
  void aDeviceFaultHitsOnlyThatDevice() {
    DevicesViewModel.Row first = ui.call(model::add);
    DevicesViewModel.Row second = ui.call(model::add);
    await(
        "both joins",
        () ->
            ui.call(() -> first.stateProperty().get() + second.stateProperty().get())
                .equals("CONNECTEDCONNECTED"));

    ui.run(
        () -> {
          model.selectedProperty().set(first);
          model.setFault("Backend answers 503");
          model.renew();
        });
    List<FaultRule> rules = sut.sandbox.host().server().orElseThrow().admin().faults().rules();
    assertThat(rules).singleElement().extracting(FaultRule::device).isEqualTo("virtual-1");
    await("the failed fetch", () -> logHas(first, "FETCH_FAILED"));
    assertThat(ui.call(() -> first.faultProperty().get())).isEqualTo("Backend answers 503");

    ui.run(
        () -> {
          model.selectedProperty().set(second);
          model.renew();
        });
    await("the other device's renewal", () -> logHas(second, "RENEWED"));
    assertThat(logHas(second, "FETCH_FAILED")).isFalse();

    ui.run(
        () -> {
          model.selectedProperty().set(first);
          model.setFault(DevicesViewModel.NO_FAULT);
        });
    assertThat(sut.sandbox.host().server().orElseThrow().admin().faults().rules()).isEmpty();
  }

  @Test
  void tokensShorterThanTheWarningAreAFindingNotAStorm() {
    DevicesViewModel.Row row = ui.call(model::add);
    await("the join", () -> ui.call(() -> row.stateProperty().get()).equals("CONNECTED"));
    ui.run(
        () -> {
          model.selectedProperty().set(row);
          model.setFault("Tokens live 20 s");
          model.renew();
        });
    await("the finding", () -> logHas(row, "FINDING"));
    await("a renewal after the backoff", () -> issued(row) >= 3);

    assertThat(issued(row)).as("tokens fetched (a storm fetched thousands)").isLessThanOrEqualTo(4);
    String finding =
        "token lifetime 20 s is shorter than the 30 s will-expire window: every token is renewed"
            + " at once (renewing once per token, with backoff)";
    assertThat(ui.call(() -> model.messageProperty().get()))
        .startsWith(row.name() + ": ")
        .endsWith("finding: " + finding);
    assertThat(ui.call(() -> model.deviceLogs().get(0).findings())).containsExactly(finding);
    assertThat(ui.call(() -> row.log().stream().filter(l -> l.contains("  FINDING  ")).count()))
        .isEqualTo(1);

    // Once the fault is cleared, the status line follows the device without the old finding;
    // the device's report keeps it.
    long before = issued(row);
    ui.run(
        () -> {
          model.setFault(DevicesViewModel.NO_FAULT);
          model.renew();
        });
    await("a renewal without the fault", () -> issued(row) > before);
    await(
        "the status line after it",
        () -> ui.call(() -> model.messageProperty().get()).contains("renewed"));
    assertThat(ui.call(() -> model.messageProperty().get())).doesNotContain("finding:");
    assertThat(ui.call(() -> model.deviceLogs().get(0).findings())).containsExactly(finding);
  }

  private long issued(DevicesViewModel.Row row) {
    return ui.call(() -> row.log().stream().filter(l -> l.contains("  TOKEN_ISSUED  ")).count());
  }

  @Test
  void joinOnAFailedDeviceJoinsAgainAndOnAJoinedOneSaysWhy() {
    DevicesViewModel.Row row = ui.call(model::add);
    await("the join", () -> ui.call(() -> row.stateProperty().get()).equals("CONNECTED"));
    ui.run(
        () -> {
          model.selectedProperty().set(row);
          model.join();
        });
    assertThat(ui.call(() -> model.messageProperty().get()))
        .isEqualTo(
            row.name()
                + " is already in its session (CONNECTED): Leave first, or Renew for"
                + " a fresh token");

    ui.run(model::renew);
    await(
        "the renewal on the status line",
        () -> ui.call(() -> model.messageProperty().get()).startsWith(row.name() + ": renewed"));

    ui.run(model::leave);
    await("the leave", () -> ui.call(() -> model.messageProperty().get()).contains(": left"));
    ui.run(model::join);
    assertThat(ui.call(() -> model.messageProperty().get()))
        .isEqualTo(row.name() + " joins again through Shengwang RTC");
    await("the new join", () -> ui.call(() -> model.messageProperty().get()).contains(": joined"));
  }

  @Test
  void theStatusLineSpeaksOfTheSelectedDeviceOnly() {
    DevicesViewModel.Row first = ui.call(model::add);
    DevicesViewModel.Row second = ui.call(model::add);
    ui.run(
        () -> {
          model.selectedProperty().set(first);
          model.setFault("Backend answers 503");
        });
    assertThat(ui.call(() -> model.messageProperty().get()))
        .startsWith(first.name() + ": ")
        .contains("Backend answers 503");
    ui.run(() -> model.selectedProperty().set(second));
    assertThat(ui.call(() -> model.messageProperty().get()))
        .as("joining, or joined by now")
        .startsWith(second.name())
        .doesNotContain("Backend answers 503");
    ui.run(() -> model.selectedProperty().set(first));
    assertThat(ui.call(() -> model.messageProperty().get())).contains("Backend answers 503");
    ui.run(() -> model.setFault(DevicesViewModel.NO_FAULT));
  }

  @Test
  void aJwtDeviceStartsItsSessionAndLeaveStopsIt() {
    ui.run(() -> model.newFlowProperty().set(Flow.CHATSDK));
    DevicesViewModel.Row row = ui.call(model::add);
    await("the token", () -> ui.call(() -> row.tokenProperty().get()).startsWith("tok:"));
    assertThat(ui.call(() -> row.stateProperty().get())).isEqualTo("ACTIVE");

    ui.run(model::leave);
    await("the stop", () -> ui.call(() -> row.stateProperty().get()).equals("STOPPED"));
    ui.run(model::join);
    await("a fresh session", () -> ui.call(() -> row.stateProperty().get()).equals("ACTIVE"));
  }

  @Test
  void withoutABackendAddingSaysWhy() {
    sut.sandbox.host().stop();
    await("the stop", () -> !sut.sandbox.host().status().running());

    DevicesViewModel.Row none = ui.call(model::add);
    assertThat(none).isNull();
    assertThat(ui.call(() -> model.messageProperty().get()))
        .isEqualTo("The backend is not running: start it on the Architecture screen.");
  }
}
