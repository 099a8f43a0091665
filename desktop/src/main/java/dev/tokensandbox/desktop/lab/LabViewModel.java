package dev.tokensandbox.desktop.lab;

import dev.tokensandbox.client.presets.PresetResult;
import dev.tokensandbox.client.presets.Presets;
import dev.tokensandbox.client.presets.QaPreset;
import dev.tokensandbox.client.rtc.SdkProfile;
import dev.tokensandbox.client.session.EventKind;
import dev.tokensandbox.client.session.RenewalPolicy;
import dev.tokensandbox.client.session.TimelineEvent;
import dev.tokensandbox.desktop.tasks.TaskExecutor;
import dev.tokensandbox.protocol.admin.Fault;
import dev.tokensandbox.protocol.admin.FaultRule;
import dev.tokensandbox.tools.check.CheckStep;
import dev.tokensandbox.tools.check.CheckTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the Expiry lab: the presets, the one chosen, the running device's timeline (as rows the
 * chart and the log bind to), virtual time and speed, and the verdict. Commands go to the {@link
 * LabRuntime}; its reports come back through {@code ui} (the FX thread in the app).
 */
public final class LabViewModel implements LabRuntime.Listener {
  /**
   * One timeline row: seconds after the run's start, what, the detail, and when (seconds after the
   * start) the device's token or join privilege runs out as of this event (NaN: no token).
   */
  public record Row(
      double offset, EventKind kind, String detail, double expiresAt, String callback) {
    public Row(double offset, EventKind kind, String detail, double expiresAt) {
      this(offset, kind, detail, expiresAt, null);
    }

    public Row(double offset, EventKind kind, String detail) {
      this(offset, kind, detail, Double.NaN, null);
    }

    /** True when this event starts a token lifetime (the chart draws a bar from here). */
    public boolean startsLifetime() {
      return !Double.isNaN(expiresAt)
          && (kind == EventKind.JOINED
              || kind == EventKind.REJOINED
              || kind == EventKind.RENEWED
              || kind == EventKind.READY);
    }

    /** The log line; on an RTC flow it names the SDK callback the event comes from. */
    public String text() {
      return String.format(
          Locale.ROOT,
          "+%8.3f s  %-15s %s",
          offset,
          kind,
          (callback == null ? "" : callback + " · ") + detail);
    }
  }

  /**
   * The last run as a bug report needs it: the preset as run (its policy possibly changed by the
   * what-if switch), the faults added during the run, the timeline, and the result once finished
   * (null while running).
   */
  public record LabRun(
      QaPreset preset,
      boolean policyChanged,
      List<String> faultsAdded,
      List<Row> rows,
      double runSeconds,
      PresetResult result,
      CheckTarget yourBackend,
      CheckStep yourBackendResult) {

    /** A preset run. */
    public LabRun(
        QaPreset preset,
        boolean policyChanged,
        List<String> faultsAdded,
        List<Row> rows,
        double runSeconds,
        PresetResult result) {
      this(preset, policyChanged, faultsAdded, rows, runSeconds, result, null, null);
    }
  }

  private final TaskExecutor tasks;
  private LabRuntime runtime;
  private QaPreset ran;
  private boolean policyChanged;
  private final java.util.List<String> faultsAdded = new java.util.ArrayList<>();
  private PresetResult result;
  private final ObservableList<QaPreset> presets = FXCollections.observableArrayList(Presets.all());
  private final ObjectProperty<QaPreset> selected =
      new SimpleObjectProperty<>(this, "selected", Presets.all().get(0));
  private final ObservableList<Row> rows = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper time = new ReadOnlyStringWrapper(this, "time", "paused");
  private final ReadOnlyStringWrapper verdict =
      new ReadOnlyStringWrapper(this, "verdict", "Choose a preset and run it.");
  private final ReadOnlyDoubleWrapper runLength = new ReadOnlyDoubleWrapper(this, "runLength", 1);
  private final ReadOnlyDoubleWrapper now = new ReadOnlyDoubleWrapper(this, "now", 0);
  private final ReadOnlyDoubleWrapper speed = new ReadOnlyDoubleWrapper(this, "speed", 0);
  private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper(this, "description");
  private Instant start;
  private final ObjectProperty<RenewalPolicy.Trigger> trigger =
      new SimpleObjectProperty<>(this, "trigger");
  private final ObjectProperty<SdkProfile> sdk = new SimpleObjectProperty<>(this, "sdk");
  private final dev.tokensandbox.desktop.ui.YourBackendForm yourBackend =
      new dev.tokensandbox.desktop.ui.YourBackendForm();

  /** The backend of the run on screen when it is an integrator's; null for a preset run. */
  private CheckTarget external;

  private final javafx.beans.property.ReadOnlyBooleanWrapper realTime =
      new javafx.beans.property.ReadOnlyBooleanWrapper(this, "realTime");

  private CheckStep externalStep;

  /** Lifetime of the tokens a run against your backend asks for, and how long it stays in. */
  public static final int EXTERNAL_TOKEN_SECONDS = 40;

  /** One token's time in effect on the chart, and how it ended. */
  public record Lifetime(double from, double to, boolean ranOut, String how) {}

  /**
   * The tokens' lifetimes from a run's rows, each until the next token, its expiry or a kick before
   * it (Expire now, a revoked privilege) — whichever came first — and at most to {@code length}.
   */
  public static List<Lifetime> lifetimes(List<Row> rows, double length) {
    // Rows are in time order: one pass over the kicks serves every lifetime (the chart redraws
    // on each row).
    List<Row> starts = rows.stream().filter(Row::startsLifetime).toList();
    List<Row> kicks = rows.stream().filter(r -> r.kind() == EventKind.KICKED).toList();
    List<Lifetime> out = new java.util.ArrayList<>();
    int k = 0;
    for (int i = 0; i < starts.size(); i++) {
      Row row = starts.get(i);
      double next = i + 1 < starts.size() ? starts.get(i + 1).offset() : Double.MAX_VALUE;
      double end = Math.min(Math.min(next, row.expiresAt()), length);
      boolean ranOut = row.expiresAt() <= next && row.expiresAt() <= length;
      String how = ranOut ? "ran out" : "replaced";
      while (k < kicks.size() && kicks.get(k).offset() < row.offset()) {
        k++;
      }
      if (k < kicks.size() && kicks.get(k).offset() < end) {
        end = kicks.get(k).offset();
        ranOut = true;
        how = "cut by a kick";
      }
      out.add(new Lifetime(row.offset(), end, ranOut, how));
    }
    return out;
  }

  /** Rows a run's chart and log keep (the newest): a run's memory is bounded whatever it does. */
  public static final int MAX_ROWS = 5_000;

  public static final Duration EXTERNAL_RUN = Duration.ofSeconds(60);

  private int externalTokenSeconds = EXTERNAL_TOKEN_SECONDS;
  private Duration externalRun = EXTERNAL_RUN;

  /** Tests: shorter tokens and runs (real time cannot be fast-forwarded). */
  void externalRunFor(int tokenSeconds, Duration run) {
    this.externalTokenSeconds = tokenSeconds;
    this.externalRun = run;
  }

  private final javafx.beans.property.ReadOnlyBooleanWrapper ready =
      new javafx.beans.property.ReadOnlyBooleanWrapper(this, "ready");

  public LabViewModel(TaskExecutor tasks) {
    this.tasks = tasks;
    selected.addListener(
        (o, was, now) -> {
          if (now != was && ran != null && !inProgress.get()) {
            forgetRun(); // the last run's verdict and timeline are not this preset's
          }
          describe(now);
        });
    describe(selected.get());
  }

  private final javafx.beans.property.ReadOnlyBooleanWrapper inProgress =
      new javafx.beans.property.ReadOnlyBooleanWrapper(this, "inProgress");

  /** True from a preset's start to its verdict: Pause then reads Resume. */
  public javafx.beans.property.ReadOnlyBooleanProperty inProgressProperty() {
    return inProgress.getReadOnlyProperty();
  }

  private void forgetRun() {
    rows.clear();
    ran = null;
    result = null;
    faultsAdded.clear();
    verdict.set("Run it to see its timeline and verdict.");
    time.set("paused");
  }

  private void describe(QaPreset p) {
    if (ran == null && p != null) {
      runLength.set(p.runFor().toMillis() / 1000.0); // the axis shows the run to come
    }
    description.set(
        p == null
            ? ""
            : p.description()
                + "  Expects: "
                + String.join(", ", p.expected().stream().map(Object::toString).toList())
                + ".");
  }

  /** The chosen preset's description and what it expects, shown before it runs. */
  public ReadOnlyStringProperty descriptionProperty() {
    return description.getReadOnlyProperty();
  }

  /** The virtual clock's speed now (0: paused); the view marks the active speed. */
  public ReadOnlyDoubleProperty speedProperty() {
    return speed.getReadOnlyProperty();
  }

  /** Connects the runtime (created with this view-model as its listener). */
  public void attach(LabRuntime runtime) {
    this.runtime = runtime;
    ready.set(true);
    if (verdict.get().startsWith("Starting")) {
      verdict.set("Choose a preset and run it.");
    }
  }

  /** True once the lab's own backend is up (it starts in the background). */
  public javafx.beans.property.ReadOnlyBooleanProperty readyProperty() {
    return ready.getReadOnlyProperty();
  }

  public ObservableList<QaPreset> presets() {
    return presets;
  }

  public ObjectProperty<QaPreset> selectedProperty() {
    return selected;
  }

  public ObservableList<Row> rows() {
    return rows;
  }

  public ReadOnlyStringProperty timeProperty() {
    return time.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty verdictProperty() {
    return verdict.getReadOnlyProperty();
  }

  /** The run's length in seconds (the chart's width). */
  public ReadOnlyDoubleProperty runLengthProperty() {
    return runLength.getReadOnlyProperty();
  }

  /** Seconds since the run started (the chart's cursor). */
  public ReadOnlyDoubleProperty nowProperty() {
    return now.getReadOnlyProperty();
  }

  /** The lab's rows as text lines. */
  public List<String> lines() {
    return rows.stream().map(Row::text).toList();
  }

  /** The last run, or null when nothing has run yet. */
  public LabRun lastRun() {
    if (external != null) {
      return new LabRun(
          null, false, List.of(), List.copyOf(rows), runLength.get(), null, external, externalStep);
    }
    return ran == null
        ? null
        : new LabRun(
            ran,
            policyChanged,
            List.copyOf(faultsAdded),
            List.copyOf(rows),
            runLength.get(),
            result);
  }

  /** Lab faults offered during a run, by label (added to the preset's own plan). */
  public static final java.util.Map<String, FaultRule> FAULTS = faults();

  /** The renewal trigger to run with; null = the preset's own policy. */
  public ObjectProperty<RenewalPolicy.Trigger> triggerProperty() {
    return trigger;
  }

  /**
   * The SDK generation the app is built with (what it does after the kick); null = the preset's.
   */
  public ObjectProperty<SdkProfile> sdkProperty() {
    return sdk;
  }

  /** True while a run against your backend is on screen and running (time is real). */
  public javafx.beans.property.ReadOnlyBooleanProperty realTimeProperty() {
    return realTime.getReadOnlyProperty();
  }

  /** "Your backend": URL, flow, App ID and certificate for a run against it. */
  public dev.tokensandbox.desktop.ui.YourBackendForm yourBackend() {
    return yourBackend;
  }

  /**
   * Runs a virtual device against your backend in real time: it fetches {@value
   * #EXTERNAL_TOKEN_SECONDS} s tokens from your route, joins, renews through it on every
   * will-expire, and the sandbox's RTC service checks each token with your App ID and certificate.
   * A problem with the inputs is said in the verdict instead.
   */
  public void runAgainstYourBackend() {
    CheckTarget target = yourBackend.target();
    java.util.Optional<String> problem = dev.tokensandbox.tools.check.YourBackend.problem(target);
    if (problem.isPresent()) {
      verdict.set(problem.get());
      return;
    }
    if (runtime != null) {
      runtime.runAgainst(target, externalTokenSeconds, externalRun);
    }
  }

  @Override
  public void externalStarted(CheckTarget target, Instant at, Duration runFor) {
    tasks.onUi(
        () -> {
          start = at;
          rows.clear();
          ran = null;
          external = target;
          externalStep = null;
          realTime.set(true);
          faultsAdded.clear();
          result = null;
          runLength.set(runFor.toMillis() / 1000.0);
          description.set(
              "A virtual device fetches "
                  + externalTokenSeconds
                  + " s tokens from your backend's route, joins, and renews through it at every"
                  + " onTokenPrivilegeWillExpire; the sandbox's RTC service checks each token with"
                  + " your App ID and certificate. Expects: renewals, no kick, no refusal.");
          verdict.set(
              "Running against your backend ("
                  + target
                  + ") in real time — its clock cannot be fast-forwarded: "
                  + externalTokenSeconds
                  + " s tokens, so onTokenPrivilegeWillExpire comes every "
                  + (externalTokenSeconds - 30)
                  + " s; "
                  + runFor.getSeconds()
                  + " s in the channel.");
        });
  }

  @Override
  public void externalFinished(CheckStep step) {
    StringBuilder found = new StringBuilder();
    for (CheckStep.Finding f : step.findings()) {
      found.append("\n✗ ").append(f.problem()).append(" — ").append(f.fix());
    }
    String text =
        step.passed()
            ? "PASS — your backend: the device renewed through it and was never kicked or"
                + " refused ("
                + step.request()
                + ")"
            : "FAIL — your backend: " + step.findings().size() + " finding(s)" + found;
    tasks.onUi(
        () -> {
          externalStep = step;
          realTime.set(false);
          verdict.set(text);
          time.set(String.format(Locale.ROOT, "+%.1f s  finished", now.get()));
        });
  }

  public void run(double speed) {
    realTime.set(false); // a preset run silences a run against your backend still going
    if (external != null) {
      external = null;
      describe(selected.get());
    }
    QaPreset preset = selected.get();
    if (preset != null && runtime != null) {
      runtime.run(preset.withWhatIf(trigger.get(), sdk.get()), speed);
    }
  }

  /** What the run changed of the preset's own policy, e.g. " · renew on BOTH · Agora RTC 3.x". */
  public static String changes(QaPreset preset) {
    RenewalPolicy own = Presets.byId(preset.id()).map(QaPreset::policy).orElse(preset.policy());
    RenewalPolicy ran = preset.policy();
    return (own.trigger() != ran.trigger() ? " · renew on " + ran.trigger() : "")
        + (own.sdk() != ran.sdk() ? " · " + ran.sdk().label() : "");
  }

  /** The running device's token expires now (its engine kicks, as the SDK would). */
  public void expireNow() {
    if (runtime != null) {
      runtime.expireNow();
    }
  }

  /** Adds the fault labelled {@code label} to the lab backend now; unknown labels clear. */
  public void fault(String label) {
    if (runtime != null) {
      runtime.fault(FAULTS.get(label));
      faultsAdded.add(
          String.format(Locale.ROOT, "+%.1f s ", now.get())
              + (FAULTS.containsKey(label) ? label : "faults cleared"));
    }
  }

  private static java.util.Map<String, FaultRule> faults() {
    java.util.Map<String, FaultRule> out = new java.util.LinkedHashMap<>();
    out.put("Token routes answer 503", FaultRule.always("*", Fault.STATUS, 503));
    out.put("Token routes take 3 s", FaultRule.always("*", Fault.LATENCY, 3000));
    out.put("Tokens live 20 s", FaultRule.always("*", Fault.SHORT_LIFETIME, 20));
    out.put("Wrong identity", FaultRule.always("*", Fault.WRONG_IDENTITY, 0));
    return java.util.Collections.unmodifiableMap(out);
  }

  public void play(double speed) {
    if (runtime != null) {
      runtime.play(speed);
    }
  }

  public void pause() {
    if (runtime != null) {
      runtime.pause();
    }
  }

  public void nextEvent() {
    if (runtime != null) {
      runtime.jumpToNextEvent();
    }
  }

  @Override
  public void started(QaPreset preset, Instant at) {
    tasks.onUi(
        () -> {
          start = at;
          rows.clear();
          ran = preset;
          inProgress.set(true);
          policyChanged = !changes(preset).isEmpty();
          faultsAdded.clear();
          result = null;
          runLength.set(preset.runFor().toMillis() / 1000.0);
          verdict.set(
              "Running "
                  + preset.id()
                  + ": "
                  + preset.description()
                  + (policyChanged ? " · changed:" + changes(preset).substring(2) : ""));
        });
  }

  @Override
  public void event(TimelineEvent e, Instant tokenExpiresAt) {
    tasks.onUi(
        () -> {
          if (rows.size() >= MAX_ROWS) {
            rows.remove(0); // a run's chart and log keep its newest rows; the verdict sees all
          }
          rows.add(
              new Row(
                  seconds(e.at()),
                  e.kind(),
                  e.detail(),
                  tokenExpiresAt == null ? Double.NaN : seconds(tokenExpiresAt),
                  (ran != null && ran.flow().isRtc()) || external != null
                      ? e.kind().sdkCallback()
                      : null));
        });
  }

  @Override
  public void finished(PresetResult result) {
    StringBuilder checked = new StringBuilder();
    for (var c : result.checks()) {
      checked
          .append(checked.length() == 0 ? "" : "   ")
          .append(c.held() ? "✓ " : "✗ ")
          .append(c.held() ? c.expect().toString() : c.failure());
    }
    String text =
        (result.passed()
                ? "PASS — "
                    + result.preset().title()
                    + ": the timeline matches all "
                    + result.preset().expected().size()
                    + " expectations"
                : "FAIL — "
                    + result.preset().title()
                    + ": "
                    + (result.checks().size() - result.failures().size())
                    + " of "
                    + result.checks().size()
                    + " expectations held")
            + (changes(result.preset()).isEmpty()
                ? ""
                : " (run with" + changes(result.preset()).substring(2) + ")")
            + "\n"
            + checked;
    tasks.onUi(
        () -> {
          this.result = result;
          inProgress.set(false);
          // From the run's whole timeline: the rows keep only the newest MAX_ROWS.
          StringBuilder found = new StringBuilder();
          result.events().stream()
              .filter(e -> e.kind() == EventKind.FINDING)
              .map(TimelineEvent::detail)
              .distinct()
              .forEach(f -> found.append("\nFinding: ").append(f));
          verdict.set(text + found);
          time.set(String.format(Locale.ROOT, "+%.1f s  finished", now.get()));
        });
  }

  @Override
  public void time(Instant virtualNow, double speed) {
    tasks.onUi(
        () -> {
          if (external != null) {
            // A run against your backend: real time, no speeds; frozen once it finished.
            if (realTime.get()) {
              now.set(seconds(virtualNow));
              time.set(String.format(Locale.ROOT, "+%.1f s  real time", now.get()));
            }
            return;
          }
          double t = start == null ? 0 : seconds(virtualNow);
          now.set(t);
          this.speed.set(speed);
          time.set(
              String.format(Locale.ROOT, "+%.1f s  ", t)
                  + (result != null && speed == 0
                      ? "finished"
                      : speed == 0 ? "paused" : String.format(Locale.ROOT, "%.0f×", speed)));
        });
  }

  private double seconds(Instant at) {
    return start == null ? 0 : Duration.between(start, at).toMillis() / 1000.0;
  }
}
