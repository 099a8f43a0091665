package dev.tokensandbox.desktop.scenarios;

import static dev.tokensandbox.desktop.testing.SandboxUnderTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensandbox.backend.faults.Fault;
import dev.tokensandbox.backend.faults.FaultPlan;
import dev.tokensandbox.backend.faults.FaultRule;
import dev.tokensandbox.client.presets.Presets;
import dev.tokensandbox.desktop.issue.IssueFlow;
import dev.tokensandbox.desktop.testing.SandboxTest;
import dev.tokensandbox.desktop.testing.SandboxUnderTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Save, load and bug-report export against a real backend, files in a temporary directory. */
class ScenariosViewModelTest extends SandboxTest {
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

  @Test
  void credentialsAreSavedOnlyWhenAskedAndThenOwnerOnly() throws Exception {
    Path file = home.resolve("with-secrets.json");
    ui.run(
        () -> {
          model.scenarioFileProperty().set(file.toString());
          model.includeSecretsProperty().set(true);
        });
    assertThat(finish(model::save)).contains("WITH the workspace's credentials");
    assertThat(Files.readString(file)).contains(SandboxUnderTest.WORKSPACE.appCertificate());
    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void badFilesGiveCleanMessagesAndChangeNothing() throws Exception {
    Path file = home.resolve("bad.json");
    ui.run(() -> model.scenarioFileProperty().set(file.toString()));
    assertThat(finish(model::load)).isEqualTo("No such file: " + file);

    Files.writeString(file, "{\"format\":\"token-sandbox-scenario\",\"version\":1,");
    assertThat(finish(model::load)).startsWith("Failed: not a valid scenario file at line 1");
    Files.writeString(file, "{\"format\":\"something-else\",\"version\":1}");
    assertThat(finish(model::load))
        .isEqualTo("Failed: format: must be \"token-sandbox-scenario\" (not a scenario file)");
    Files.writeString(
        file, "{\"format\":\"token-sandbox-scenario\",\"version\":1,\"labPreset\":\"nope\"}");
    assertThat(finish(model::load)).isEqualTo("Failed: labPreset: unknown preset nope");
    assertThat(ui.call(() -> model.failedProperty().get())).isTrue();

    ui.run(() -> model.scenarioFileProperty().set(" "));
    ui.run(model::save);
    assertThat(ui.call(() -> model.statusProperty().get()))
        .isEqualTo("scenario file: choose a file");
  }

  @Test
  void aFailedSaveSaysWhyAndLeavesNoTemporaryFile() throws Exception {
    // A directory with content sits where the file should go: the final move must fail.
    Path blocked = home.resolve("blocked.json");
    Files.createDirectories(blocked.resolve("inside"));
    ui.run(() -> model.scenarioFileProperty().set(blocked.toString()));

    assertThat(finish(model::save)).startsWith("Failed:").contains(blocked.toString());
    assertThat(blocked.resolve("inside")).isDirectory();
    try (var leftovers = Files.list(home)) {
      assertThat(leftovers.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void bugReportsAreRedactedInBothFormats() throws Exception {
    List<String> tokens = sut.issueEveryFlow(ui);
    assertThat(tokens).allMatch(t -> t.length() > 40);
    for (String name : List.of("report.html", "report.json")) {
      Path file = home.resolve(name);
      ui.run(() -> model.reportFileProperty().set(file.toString()));
      assertThat(finish(model::exportReport)).startsWith("Exported");
      String text = Files.readString(file);
      assertThat(text).contains("«token tok:", "/api/agora/token");
      for (String secret : sut.sandbox.host().workspace().secrets()) {
        assertThat(text).doesNotContain(secret);
      }
      for (String token : tokens) {
        assertThat(text).as(name).doesNotContain(token);
      }
    }
    assertThat(Files.readString(home.resolve("report.html"))).startsWith("<!doctype html>");
    assertThat(Files.readString(home.resolve("report.json"))).startsWith("{");
  }
}
