package dev.tokensandbox.desktop.scenarios;

import static dev.tokensandbox.desktop.testing.SandboxUnderTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensandbox.client.presets.Presets;
import dev.tokensandbox.desktop.issue.IssueFlow;
import dev.tokensandbox.desktop.testing.SandboxTest;
import dev.tokensandbox.desktop.testing.SandboxUnderTest;
import dev.tokensandbox.protocol.admin.Fault;
import dev.tokensandbox.protocol.admin.FaultPlan;
import dev.tokensandbox.protocol.admin.FaultRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Scenarios screen wired to the real window ({@link WindowParts}): a saved scenario comes back
 * into the Issue forms, the lab, the devices and the backend's fault plan. The screen's own logic
 * is tested without the window in {@link ScenariosViewModelTest}.
 */
class WindowPartsTest extends SandboxTest {
  private ScenariosViewModel model;

  @BeforeEach
  void model() {
    model = sut.sandbox.scenarios;
  }

  private String finish(Runnable command) {
    ui.run(command);
    await("the file work", () -> ui.call(() -> !model.busyProperty().get()));
    return ui.call(() -> model.statusProperty().get());
  }

  @Test
  void aSavedScenarioRestoresFormsFaultsPresetAndDevices() throws Exception {
    Path file = home.resolve("s.json");
    var server = sut.sandbox.host().server().orElseThrow();
    FaultPlan plan = new FaultPlan(7, List.of(FaultRule.always("agora.*", Fault.LATENCY, 250)));
    ui.run(
        () -> {
          model.scenarioFileProperty().set(file.toString());
          sut.sandbox.issue.value(IssueFlow.RINGNITY, "name").set("Ada");
          sut.sandbox.issue.flowProperty().set(IssueFlow.RINGNITY);
          sut.sandbox.lab.selectedProperty().set(Presets.byId("short-lifetime").orElseThrow());
          sut.sandbox.devices.add();
        });
    server.admin().setFaults(plan);

    assertThat(finish(model::save)).startsWith("Saved").endsWith("(no credentials)");
    String text = Files.readString(file);
    for (String secret : SandboxUnderTest.WORKSPACE.secrets()) {
      assertThat(text).doesNotContain(secret);
    }

    server.admin().clearFaults();
    ui.run(
        () -> {
          sut.sandbox.issue.value(IssueFlow.RINGNITY, "name").set("changed");
          sut.sandbox.issue.flowProperty().set(IssueFlow.CHATSDK);
          sut.sandbox.lab.selectedProperty().set(Presets.all().get(0));
          sut.sandbox.devices.removeAll();
        });
    assertThat(finish(model::load)).startsWith("Loaded").contains("1 devices, 1 fault rules");

    assertThat(ui.call(() -> sut.sandbox.issue.value(IssueFlow.RINGNITY, "name").get()))
        .isEqualTo("Ada");
    assertThat(ui.call(() -> sut.sandbox.issue.flowProperty().get())).isEqualTo(IssueFlow.RINGNITY);
    assertThat(ui.call(() -> sut.sandbox.lab.selectedProperty().get().id()))
        .isEqualTo("short-lifetime");
    assertThat(server.admin().faults()).isEqualTo(plan);
    assertThat(ui.call(() -> sut.sandbox.devices.rows().size())).isEqualTo(1);
  }
}
