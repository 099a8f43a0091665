package dev.tokensandbox.desktop.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensandbox.backend.internal.http.Http;
import dev.tokensandbox.backend.server.SandboxServer;
import dev.tokensandbox.client.presets.PresetResult;
import dev.tokensandbox.client.presets.Presets;
import dev.tokensandbox.client.presets.QaPreset;
import dev.tokensandbox.client.presets.Scenario;
import dev.tokensandbox.client.presets.TimelineMatcher;
import dev.tokensandbox.client.session.EventKind;
import dev.tokensandbox.client.session.RenewalPolicy;
import dev.tokensandbox.client.session.TimelineEvent;
import dev.tokensandbox.desktop.devices.DevicesViewModel;
import dev.tokensandbox.desktop.host.BackendClients;
import dev.tokensandbox.desktop.host.BackendHost;
import dev.tokensandbox.desktop.issue.IssueFlow;
import dev.tokensandbox.desktop.issue.IssueViewModel;
import dev.tokensandbox.desktop.issue.TokenIssuer;
import dev.tokensandbox.desktop.lab.LabViewModel;
import dev.tokensandbox.desktop.tasks.TaskExecutor;
import dev.tokensandbox.desktop.testing.HostUnderTest;
import dev.tokensandbox.desktop.testing.SandboxUnderTest;
import dev.tokensandbox.desktop.tokens.TokenReader;
import dev.tokensandbox.protocol.Flow;
import dev.tokensandbox.protocol.admin.Fault;
import dev.tokensandbox.protocol.admin.FaultPlan;
import dev.tokensandbox.protocol.admin.FaultRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Save, load and bug-report export against a real backend, files in a temporary directory, the
 * window's parts faked. File work runs on the calling thread, so every command has finished when it
 * returns: nothing polls.
 */
class ScenariosViewModelTest {
  private static final TaskExecutor SAME_THREAD = TaskExecutor.currentThread();

  @TempDir Path home;
  private HostUnderTest backend;
  private BackendHost host;
  private final FakeParts parts = new FakeParts();
  private ScenariosViewModel model;
  private SandboxServer server;

  @BeforeEach
  void open() {
    backend = new HostUnderTest();
    host = backend.host;
    server = backend.server;
    model =
        new ScenariosViewModel(
            host, parts, new ScenarioStore(home), SAME_THREAD, Clock.systemUTC());
  }

  @AfterEach
  void close() {
    backend.close();
  }

  private String finish(Runnable command) {
    command.run();
    assertThat(model.busyProperty().get()).as("finished when the command returns").isFalse();
    return model.statusProperty().get();
  }

  @Test
  void aSavedScenarioRestoresFormsFaultsPresetAndDevices() throws Exception {
    Path file = home.resolve("s.json");
    model.scenarioFileProperty().set(file.toString());
    FaultPlan plan = new FaultPlan(7, List.of(FaultRule.always("agora.*", Fault.LATENCY, 250)));
    parts.flow = "RINGNITY";
    parts.forms = Map.of("RINGNITY", Map.of("name", "Ada"));
    parts.preset = "short-lifetime";
    parts.sdk = "V3";
    parts.devices.add(new Scenario.Device(Flow.GIN, 90, RenewalPolicy.Trigger.BOTH));
    parts.lan = true;
    server.admin().setFaults(plan);

    assertThat(finish(model::save)).startsWith("Saved").endsWith("(no credentials)");
    String text = Files.readString(file);
    for (String secret : SandboxUnderTest.WORKSPACE.secrets()) {
      assertThat(text).doesNotContain(secret);
    }

    server.admin().clearFaults();
    FakeParts saved = parts.copy();
    parts.flow = "CHATSDK";
    parts.forms = Map.of();
    parts.preset = null;
    parts.sdk = null;
    parts.devices.clear();
    parts.lan = false;
    assertThat(finish(model::load)).startsWith("Loaded").contains("1 devices, 1 fault rules");

    assertThat(parts.restoredFlow).isEqualTo("RINGNITY");
    assertThat(parts.restoredForms).containsEntry("RINGNITY", Map.of("name", "Ada"));
    assertThat(parts.preset).isEqualTo("short-lifetime");
    assertThat(parts.sdk).isEqualTo("V3");
    assertThat(parts.trigger).isNull();
    assertThat(parts.devices).isEqualTo(saved.devices);
    assertThat(parts.lan).isTrue();
    assertThat(server.admin().faults()).isEqualTo(plan);
  }

  @Test
  void credentialsAreSavedOnlyWhenAskedAndThenOwnerOnly() throws Exception {
    Path file = home.resolve("with-secrets.json");
    model.scenarioFileProperty().set(file.toString());
    model.includeSecretsProperty().set(true);
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
    model.scenarioFileProperty().set(file.toString());
    assertThat(finish(model::load)).isEqualTo("No such file: " + file);

    Files.writeString(file, "{\"format\":\"token-sandbox-scenario\",\"version\":1,");
    assertThat(finish(model::load))
        .startsWith("Failed: not a scenario: the file is not valid JSON at line 1");
    Files.writeString(file, "{\"format\":\"something-else\",\"version\":1}");
    assertThat(finish(model::load))
        .isEqualTo(
            "Failed: not a scenario: format is 'something-else', expected 'token-sandbox-scenario'");
    Files.writeString(
        file, "{\"format\":\"token-sandbox-scenario\",\"version\":1,\"labPreset\":\"nope\"}");
    assertThat(finish(model::load))
        .isEqualTo("Failed: labPreset: 'nope' is not a preset this sandbox has");
    Files.write(file, new byte[(int) ScenarioStore.MAX_FILE_BYTES + 1]);
    assertThat(finish(model::load)).startsWith("Failed: the file is larger than");
    assertThat(model.failedProperty().get()).isTrue();
    assertThat(parts.restoredFlow).as("nothing applied").isNull();

    model.scenarioFileProperty().set(" ");
    model.save();
    assertThat(model.statusProperty().get()).isEqualTo("scenario file: choose a file");
    model.scenarioFileProperty().set("bad\0name");
    model.save();
    assertThat(model.statusProperty().get()).startsWith("scenario file: not a valid path");
  }

  @Test
  void aFailedSaveSaysWhyAndLeavesNoTemporaryFile() throws Exception {
    // A directory with content sits where the file should go: the final move must fail.
    Path blocked = home.resolve("blocked.json");
    Files.createDirectories(blocked.resolve("inside"));
    model.scenarioFileProperty().set(blocked.toString());

    assertThat(finish(model::save)).startsWith("Failed:").contains(blocked.toString());
    assertThat(blocked.resolve("inside")).isDirectory();
    try (var leftovers = Files.list(home)) {
      assertThat(leftovers.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void bugReportsAreRedactedInBothFormats() throws Exception {
    List<String> tokens = new ArrayList<>();
    try (BackendClients clients = new BackendClients()) {
      IssueViewModel issue =
          new IssueViewModel(
              host,
              new TokenIssuer(clients, IssueViewModel.CLIENT),
              SAME_THREAD,
              new TokenReader(SandboxUnderTest.WORKSPACE, Clock.systemUTC()));
      for (IssueFlow flow : IssueFlow.values()) {
        issue.flowProperty().set(flow);
        issue.issue();
        tokens.add(issue.tokenProperty().get());
      }
    }
    assertThat(tokens).allMatch(t -> t.length() > 40);
    parts.run = labRun("WILL_EXPIRE with " + tokens.get(0));
    for (String name : List.of("report.html", "report.json")) {
      Path file = home.resolve(name);
      model.reportFileProperty().set(file.toString());
      assertThat(finish(model::exportReport)).startsWith("Exported");
      String text = Files.readString(file);
      assertThat(text).contains("«token tok:", "/api/agora/token", "WILL_EXPIRE with «token tok:");
      for (String secret : SandboxUnderTest.WORKSPACE.secrets()) {
        assertThat(text).doesNotContain(secret);
      }
      for (String token : tokens) {
        assertThat(text).as(name).doesNotContain(token);
      }
    }
    assertThat(Files.readString(home.resolve("report.html"))).startsWith("<!doctype html>");
    assertThat(Files.readString(home.resolve("report.json"))).startsWith("{");
  }

  @Test
  void aReportSaysWhatRanWhatWasExpectedAndWhatHappened() throws Exception {
    parts.run = labRun("kick in 15 s");
    Instant at = Instant.parse("2026-12-03T10:00:00Z");
    parts.logs.add(
        new DevicesViewModel.DeviceLog(
            "virtual-1",
            new Scenario.Device(Flow.GIN, 90, RenewalPolicy.Trigger.BOTH),
            "Backend answers 503",
            List.of("token lifetime 20 s is shorter than the 30 s will-expire window"),
            List.of(
                new TimelineEvent(at, "virtual-1", EventKind.FETCH_FAILED, "server error", 1))));
    server.admin().setFaults(FaultPlan.of(FaultRule.always("agora.*", Fault.STATUS, 503)));
    ((dev.tokensandbox.backend.internal.admin.LocalAdmin) server.admin())
        .buildToken(
            new dev.tokensandbox.backend.tokens.TokenOrder(
                "rtm",
                null,
                null,
                null,
                600,
                null,
                "alice",
                null,
                null,
                null,
                Instant.parse("2026-12-03T09:00:00Z"),
                4242L));
    List<String> opened = new ArrayList<>();
    model.setOpener(opened::add);

    Path json = home.resolve("report.json");
    model.reportFileProperty().set(json.toString());
    assertThat(finish(model::exportReport)).startsWith("Exported JSON");
    var report = Http.JSON.readTree(Files.readString(json));
    assertThat(report.path("format").asText()).isEqualTo(BugReport.FORMAT);
    assertThat(report.path("build").path("sandbox").asText()).startsWith("Token Sandbox");
    var lab = report.path("lab");
    assertThat(lab.path("preset").asText()).isEqualTo("short-lifetime");
    assertThat(lab.path("whatIf").asText()).contains("REQUEST_TOKEN");
    assertThat(lab.path("policy").path("trigger").asText()).isEqualTo("REQUEST_TOKEN");
    assertThat(lab.path("faultsAdded").get(0).asText()).contains("Token routes answer 503");
    PresetResult result = parts.run.result();
    assertThat(lab.path("verdict").asText()).isEqualTo(result.passed() ? "PASS" : "FAIL");
    assertThat(lab.path("expectations")).hasSize(result.preset().expected().size());
    for (int i = 0; i < result.checks().size(); i++) {
      assertThat(lab.path("expectations").get(i).path("held").asBoolean())
          .isEqualTo(result.checks().get(i).held());
    }
    assertThat(lab.path("events").get(1).path("kind").asText()).isEqualTo("WILL_EXPIRE");
    assertThat(lab.path("events").get(1).path("sdkCallback").asText())
        .isEqualTo("onTokenPrivilegeWillExpire");
    assertThat(report.path("faultPlan").path("rules").get(0).path("route").asText())
        .isEqualTo("agora.*");
    var device = report.path("devices").get(0);
    assertThat(device.path("fault").asText()).isEqualTo("Backend answers 503");
    assertThat(device.path("findings").get(0).asText()).startsWith("token lifetime 20 s");
    assertThat(device.path("events").get(0).path("kind").asText()).isEqualTo("FETCH_FAILED");
    var token = report.path("tokens").get(0);
    assertThat(token.path("kind").asText()).isEqualTo("rtm");
    assertThat(token.path("salt").asLong()).isEqualTo(4242);
    assertThat(token.path("issuedAt").asText()).isEqualTo("2026-12-03T09:00:00Z");

    Path html = home.resolve("report.html");
    model.reportFileProperty().set(html.toString());
    assertThat(finish(model::exportReport)).startsWith("Exported HTML");
    String page = Files.readString(html);
    assertThat(page)
        .contains("<svg", "short-lifetime", "Renewal policy", "onTokenPrivilegeWillExpire")
        .contains("Issued tokens", "<td>4242</td>", "--issued-at ISSUED --salt SALT")
        .contains("<strong>Finding:</strong> token lifetime 20 s is shorter");
    for (var check : result.checks()) {
      assertThat(page)
          .contains((check.held() ? "✓ " : "✗ ") + BugReport.escape(check.expect().toString()));
    }

    model.openReport();
    assertThat(opened).containsExactly(html.toUri().toString());
    assertThat(model.statusProperty().get()).startsWith("Asked the system to open");
  }

  /** A finished lab run of short-lifetime with its trigger changed: two events, checked. */
  private static LabViewModel.LabRun labRun(String willExpireDetail) {
    QaPreset base = Presets.byId("short-lifetime").orElseThrow();
    QaPreset preset =
        base.withPolicy(base.policy().withTrigger(RenewalPolicy.Trigger.REQUEST_TOKEN));
    Instant start = Instant.parse("2026-12-03T10:00:00Z");
    List<TimelineEvent> events =
        List.of(
            new TimelineEvent(start, "lab", EventKind.JOINED, "sandbox-demo as 7", 0),
            new TimelineEvent(
                start.plusSeconds(5), "lab", EventKind.WILL_EXPIRE, willExpireDetail, 0));
    PresetResult result =
        new PresetResult(
            preset, start, events, TimelineMatcher.check(events, preset.expected(), start));
    return new LabViewModel.LabRun(
        preset,
        true,
        List.of("+3.0 s Token routes answer 503"),
        List.of(
            new LabViewModel.Row(0, EventKind.JOINED, "sandbox-demo as 7", 20),
            new LabViewModel.Row(5, EventKind.WILL_EXPIRE, willExpireDetail, 20)),
        60,
        result);
  }

  /** The window's parts as plain fields. */
  private static final class FakeParts implements ScenarioParts {
    String port = "8080";
    boolean lan;
    String flow = "SHENGWANG_RTC";
    Map<String, Map<String, String>> forms = Map.of();
    String restoredFlow;
    Map<String, Map<String, String>> restoredForms;
    final List<Scenario.Device> devices = new ArrayList<>();
    String preset;
    LabViewModel.LabRun run;
    final List<DevicesViewModel.DeviceLog> logs = new ArrayList<>();

    FakeParts copy() {
      FakeParts c = new FakeParts();
      c.devices.addAll(devices);
      return c;
    }

    @Override
    public String portText() {
      return port;
    }

    @Override
    public boolean lan() {
      return lan;
    }

    @Override
    public void lan(boolean on) {
      lan = on;
    }

    @Override
    public String issueFlow() {
      return flow;
    }

    @Override
    public Map<String, Map<String, String>> issueForms() {
      return forms;
    }

    @Override
    public void restoreIssue(String flow, Map<String, Map<String, String>> forms) {
      restoredFlow = flow;
      restoredForms = new LinkedHashMap<>(forms);
    }

    @Override
    public List<Scenario.Device> devices() {
      return List.copyOf(devices);
    }

    @Override
    public void replaceDevices(List<Scenario.Device> definitions) {
      devices.clear();
      devices.addAll(definitions);
    }

    @Override
    public String labPreset() {
      return preset;
    }

    @Override
    public void labPreset(String id) {
      preset = id;
    }

    String trigger;
    String sdk;

    @Override
    public String labTrigger() {
      return trigger;
    }

    @Override
    public String labSdk() {
      return sdk;
    }

    @Override
    public void labWhatIf(String trigger, String sdk) {
      this.trigger = trigger;
      this.sdk = sdk;
    }

    @Override
    public LabViewModel.LabRun labRun() {
      return run;
    }

    @Override
    public List<DevicesViewModel.DeviceLog> deviceLogs() {
      return List.copyOf(logs);
    }
  }
}
