package dev.tokensandbox.desktop.issue;

import static dev.tokensandbox.desktop.testing.SandboxUnderTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensandbox.backend.faults.Fault;
import dev.tokensandbox.backend.faults.FaultPlan;
import dev.tokensandbox.backend.faults.FaultRule;
import dev.tokensandbox.desktop.testing.SandboxTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Issue screen's model against a real backend on port 0, no FX toolkit. */
class IssueViewModelTest extends SandboxTest {
  private IssueViewModel model;

  @BeforeEach
  void model() {
    model = sut.sandbox.issue;
  }

  private String issue(IssueFlow flow) {
    ui.run(
        () -> {
          model.flowProperty().set(flow);
          model.issue();
        });
    await(flow + " to answer", () -> ui.call(() -> !model.busyProperty().get()));
    return ui.call(() -> model.statusProperty().get());
  }

  @ParameterizedTest
  @EnumSource(IssueFlow.class)
  void everyFlowIssuesAVerifiedToken(IssueFlow flow) {
    String status = issue(flow);

    assertThat(status).startsWith("Issued").endsWith("signature VALID");
    String token = ui.call(() -> model.tokenProperty().get());
    assertThat(ui.call(() -> model.shownTokenProperty().get()))
        .doesNotContain(token)
        .contains("characters, tok:");
    ui.run(() -> model.revealedProperty().set(true));
    assertThat(ui.call(() -> model.shownTokenProperty().get())).isEqualTo(token);
    assertThat(ui.call(() -> model.curlProperty().get()))
        .startsWith(flow == IssueFlow.CHATSDK ? "S=$(curl" : "curl");
    assertThat(
            sut.sandbox.host().server().orElseThrow().admin().journal(1).entries().get(0).client())
        .isEqualTo(IssueViewModel.CLIENT);
  }

  @Test
  void issuingAfterTheServerClosedIdleConnectionsSucceedsFirstTime() {
    assertThat(issue(IssueFlow.SHENGWANG_RTC)).startsWith("Issued");
    assertThat(issue(IssueFlow.GIN_RTC)).startsWith("Issued");
    // What a quiet minute does: Jetty closes the keep-alive connections the desktop still pools.
    var server = sut.sandbox.host().server().orElseThrow();
    await("a pooled connection to close", () -> server.closeIdleConnections() > 0);

    assertThat(issue(IssueFlow.SHENGWANG_RTC)).startsWith("Issued");
    assertThat(issue(IssueFlow.RINGNITY)).startsWith("Issued");
    assertThat(ui.call(() -> model.failedProperty().get())).isFalse();
  }

  @Test
  void formErrorsNameTheFieldAndSendNothing() {
    int before =
        sut.sandbox
            .host()
            .server()
            .orElseThrow()
            .admin()
            .journal(Integer.MAX_VALUE)
            .entries()
            .size();
    ui.run(() -> model.value(IssueFlow.SHENGWANG_RTC, "uid").set("-4"));
    assertThat(issue(IssueFlow.SHENGWANG_RTC))
        .isEqualTo("uid: must be an integer in 0..4294967295");
    assertThat(ui.call(() -> model.errorFieldProperty().get())).isEqualTo("uid");

    ui.run(() -> model.value(IssueFlow.GIN_RTC, "channelName").set(""));
    assertThat(issue(IssueFlow.GIN_RTC)).isEqualTo("channelName: must not be empty");
    ui.run(() -> model.value(IssueFlow.RINGNITY, "userId").set(" "));
    assertThat(issue(IssueFlow.RINGNITY)).isEqualTo("userId: is required");
    assertThat(
            sut.sandbox
                .host()
                .server()
                .orElseThrow()
                .admin()
                .journal(Integer.MAX_VALUE)
                .entries()
                .size())
        .isEqualTo(before);
  }

  @Test
  void aBackendFailureIsShownWithItsStatusAndNoToken() {
    sut.sandbox
        .host()
        .server()
        .orElseThrow()
        .admin()
        .setFaults(FaultPlan.of(FaultRule.always("agora.rtc", Fault.STATUS, 503)));

    assertThat(issue(IssueFlow.SHENGWANG_RTC)).startsWith("503 injected_fault");
    assertThat(ui.call(() -> model.failedProperty().get())).isTrue();
    assertThat(ui.call(() -> model.tokenProperty().get())).isEmpty();
  }

  @Test
  void theCurlCommandRepeatsTheRequestWithShellSafeQuoting() {
    FlowRequest request =
        new FlowRequest("POST", "/ringnity/runtime-token", "{\"name\":\"O'Brien\"}", false);
    assertThat(request.curl("http://127.0.0.1:8080"))
        .isEqualTo(
            "curl -sS -X POST 'http://127.0.0.1:8080/ringnity/runtime-token' -H 'Content-Type:"
                + " application/json' -d '{\"name\":\"O'\\''Brien\"}'");
  }
}
