package dev.tokensandbox.desktop.scenarios;

import dev.tokensandbox.backend.traffic.Redactor;
import dev.tokensandbox.client.presets.Scenario;
import dev.tokensandbox.desktop.host.WindowBackend;
import dev.tokensandbox.desktop.tasks.BackgroundTask;
import dev.tokensandbox.desktop.tasks.TaskExecutor;
import dev.tokensandbox.protocol.admin.FaultPlan;
import dev.tokensandbox.protocol.admin.JournalEntry;
import dev.tokensandbox.protocol.admin.SandboxAdmin;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * State of the Scenarios screen: save the whole setup as a JSON file (atomically; credentials only
 * when {@link #includeSecretsProperty()} is set), load one back, and export a redacted bug report
 * (lab timeline, device logs, traffic) as JSON or HTML. It sees the window through {@link
 * ScenarioParts}, the sandbox through its admin interface and the disk through {@link
 * ScenarioStore}; file work runs on the I/O executor.
 */
public final class ScenariosViewModel {
  private final WindowBackend host;
  private final ScenarioParts parts;
  private final ScenarioStore store;
  private final TaskExecutor tasks;
  private final Clock clock;
  private final StringProperty scenarioFile;
  private final StringProperty reportFile;
  private final BooleanProperty includeSecrets =
      new SimpleBooleanProperty(this, "includeSecrets", false);
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private final ReadOnlyStringWrapper lastReport =
      new ReadOnlyStringWrapper(this, "lastReport", "");
  private java.util.function.Consumer<String> opener;
  private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");
  private final ReadOnlyStringWrapper status =
      new ReadOnlyStringWrapper(
          this, "status", "Save the setup, load one, or export a bug report.");

  public ScenariosViewModel(
      WindowBackend host,
      ScenarioParts parts,
      ScenarioStore store,
      TaskExecutor tasks,
      Clock clock) {
    this.host = host;
    this.parts = parts;
    this.store = store;
    this.tasks = tasks;
    this.clock = clock;
    this.scenarioFile = new SimpleStringProperty(this, "file", store.defaultScenarioFile());
    this.reportFile = new SimpleStringProperty(this, "report", store.defaultReportFile());
  }

  public StringProperty scenarioFileProperty() {
    return scenarioFile;
  }

  /** Where the bug report goes; ".json" gives JSON, anything else HTML. */
  public StringProperty reportFileProperty() {
    return reportFile;
  }

  /** Write the workspace's credentials into the scenario file too (off by default). */
  public BooleanProperty includeSecretsProperty() {
    return includeSecrets;
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty failedProperty() {
    return failed.getReadOnlyProperty();
  }

  /** The file of the last exported report ("" before the first export). */
  public ReadOnlyStringProperty lastReportProperty() {
    return lastReport.getReadOnlyProperty();
  }

  /**
   * How a report is opened: given its {@code file:} URI (the app hands it to the desktop's browser
   * through {@code HostServices}).
   */
  public void setOpener(java.util.function.Consumer<String> opener) {
    this.opener = opener;
  }

  /** Opens the last exported report, or says where it is when nothing can open it. */
  public void openReport() {
    String file = lastReport.get();
    if (file.isEmpty()) {
      return;
    }
    if (opener == null) {
      status.set("Open " + file + " in a browser.");
      return;
    }
    try {
      opener.accept(store.uri(file));
      status.set(
          "Asked the system to open " + file + " (if no browser opens, open the file from there)");
    } catch (RuntimeException e) {
      failed.set(true);
      status.set("Could not open " + file + ": " + e.getMessage());
    }
  }

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** The current setup as a scenario (read on the UI thread). */
  public Scenario snapshot() {
    SandboxAdmin admin = host.admin().orElse(null);
    WindowBackend.Status st = host.status();
    return new Scenario(
        Scenario.FORMAT,
        Scenario.VERSION,
        clock.instant().toString(),
        new Scenario.Backend(
            st.running() ? st.port() : parsePort(parts.portText()),
            parts.lan(),
            admin == null || admin.settings().demoMode(),
            admin != null && admin.settings().ginLegacyTokens()),
        parts.issueFlow(),
        parts.issueForms(),
        admin == null ? FaultPlan.none() : admin.faults(),
        parts.devices(),
        parts.labPreset(),
        parts.labTrigger(),
        parts.labSdk(),
        includeSecrets.get() ? credentials(host.workspace()) : null);
  }

  /** The workspace as a scenario file carries it (only when the user asks). */
  static Scenario.Credentials credentials(dev.tokensandbox.backend.workspace.Workspace w) {
    return new Scenario.Credentials(
        w.appId(),
        w.appCertificate(),
        w.chatsdkJwtSecret(),
        w.ringnityJwtSecret(),
        w.ringnityApiKey(),
        w.chatsdkApiKey());
  }

  public void save() {
    String file = file(scenarioFile, "scenario file");
    if (file == null) {
      return;
    }
    Scenario scenario = snapshot();
    boolean secrets = scenario.credentials() != null;
    run(
        "Saving " + file + " …",
        () -> {
          store.save(file, scenario);
          return "Saved "
              + file
              + (secrets
                  ? " WITH the workspace's credentials (owner-only file): do not share it"
                  : " (no credentials)");
        },
        null);
  }

  public void load() {
    String file = file(scenarioFile, "scenario file");
    if (file == null) {
      return;
    }
    Scenario[] loaded = new Scenario[1];
    run(
        "Loading " + file + " …",
        () -> {
          loaded[0] = store.load(file);
          return "Loaded " + file;
        },
        () -> apply(loaded[0]));
  }

  /** Writes the bug report: redacted lab timeline, device logs and traffic. */
  public void exportReport() {
    String file = file(reportFile, "report file");
    if (file == null) {
      return;
    }
    BugReport report =
        BugReport.of(
            clock.instant().toString(),
            "Tokens appear as fingerprints (tok:…) matching GET /sandbox/tokens; secrets are"
                + " «redacted». Each issued token's issue time and salt re-issue it exactly"
                + " (token-sandbox issue … --issued-at T --salt S).",
            parts.labRun(),
            host.admin().map(SandboxAdmin::faults).orElse(FaultPlan.none()),
            parts.deviceLogs(),
            host.admin().map(SandboxAdmin::tokens).orElse(List.of()),
            host.admin().map(a -> a.journal(1000).entries()).orElse(List.<JournalEntry>of()));
    Redactor redactor = redactor();
    run(
        "Exporting " + file + " …",
        () -> {
          BugReport.Format format = store.export(file, report, redactor);
          return "Exported " + format + " bug report " + file + " " + report.counts();
        },
        () -> lastReport.set(file));
  }

  private Redactor redactor() {
    Redactor redactor = new Redactor();
    host.workspace().secrets().forEach(redactor::addSecret);
    return redactor;
  }

  /** Applies a loaded scenario (UI thread). */
  private void apply(Scenario s) {
    if (s.backend() != null) {
      parts.lan(s.backend().lan());
      host.admin()
          .ifPresent(
              admin ->
                  admin.updateSettings(
                      new SandboxAdmin.SettingsChange(
                          s.backend().demoMode(), s.backend().ginLegacyTokens(), null)));
    }
    if (s.issueForms() != null) {
      parts.restoreIssue(s.issueFlow(), s.issueForms());
    }
    host.admin()
        .ifPresent(
            admin -> admin.setFaults(s.faultPlan() == null ? FaultPlan.none() : s.faultPlan()));
    if (s.labPreset() != null) {
      parts.labPreset(s.labPreset());
    }
    parts.labWhatIf(s.labTrigger(), s.labSdk());
    parts.replaceDevices(s.devices() == null ? List.of() : s.devices());
    String credentials =
        s.credentials() == null
            ? ""
            : " The file carries credentials; they were not applied (the workspace file holds"
                + " this machine's).";
    status.set(
        status.get()
            + ": "
            + (s.devices() == null ? 0 : s.devices().size())
            + " devices, "
            + (s.faultPlan() == null ? 0 : s.faultPlan().rules().size())
            + " fault rules"
            + (host.status().running() ? "" : " (backend not running: faults and devices skipped)")
            + "."
            + credentials);
  }

  /** A task that does file work off the UI thread and reports here. */
  private interface FileTask {
    String call() throws IOException;
  }

  private void run(String starting, FileTask task, Runnable after) {
    if (busy.get()) {
      return;
    }
    busy.set(true);
    failed.set(false);
    status.set(starting);
    BackgroundTask.wrap(task::call)
        .onSuccess(
            done -> {
              busy.set(false);
              status.set(done);
              if (after != null) {
                after.run();
              }
            })
        .onFailure(
            e -> {
              busy.set(false);
              failed.set(true);
              status.set(
                  e instanceof ScenarioStore.Missing
                      ? e.getMessage()
                      : "Failed: " + e.getMessage());
            })
        .executeWith(tasks);
  }

  /** The file named in {@code property}, or null after showing why it names none. */
  private String file(StringProperty property, String what) {
    String problem = store.problem(property.get(), what);
    if (!problem.isEmpty()) {
      failed.set(true);
      status.set(problem);
      return null;
    }
    return property.get().strip();
  }

  private static int parsePort(String text) {
    try {
      return Integer.parseInt(text == null ? "" : text.strip());
    } catch (NumberFormatException e) {
      return 8080;
    }
  }
}
