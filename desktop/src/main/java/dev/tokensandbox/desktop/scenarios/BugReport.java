package dev.tokensandbox.desktop.scenarios;

import dev.tokensandbox.backend.traffic.Redactor;
import dev.tokensandbox.client.presets.PresetResult;
import dev.tokensandbox.client.presets.QaPreset;
import dev.tokensandbox.client.presets.TimelineMatcher;
import dev.tokensandbox.client.session.RenewalPolicy;
import dev.tokensandbox.client.session.TimelineEvent;
import dev.tokensandbox.desktop.devices.DevicesViewModel;
import dev.tokensandbox.desktop.lab.LabViewModel;
import dev.tokensandbox.protocol.admin.FaultPlan;
import dev.tokensandbox.protocol.admin.IssuedRecord;
import dev.tokensandbox.protocol.admin.JournalEntry;
import dev.tokensandbox.tools.check.CheckStep;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A bug report that stands alone: which build, what was run (the lab's preset and its renewal
 * policy, any what-if change, the faults in force), what was expected and what held (✓/✗), what
 * happened (the lab's timeline with the SDK's callback names, every virtual device's events), the
 * tokens the window's backend issued (fingerprint, kind, issue time and salt: enough to re-issue
 * each exactly with {@code issue … --issued-at T --salt S}) and the traffic journal. {@link
 * #render} writes it as JSON (structured events) or as one self-contained HTML page with a timeline
 * picture, after a last pass through the {@link Redactor} (tokens become fingerprints, secrets
 * «redacted»).
 */
public record BugReport(
    String format,
    int version,
    String createdAt,
    Build build,
    String note,
    Lab lab,
    FaultPlan faultPlan,
    List<Device> devices,
    List<IssuedRecord> tokens,
    List<JournalEntry> traffic) {

  public static final String FORMAT = "token-sandbox-bug-report";
  public static final int VERSION = 3;

  /** The two export formats. */
  public enum Format {
    JSON,
    HTML
  }

  /** Which sandbox wrote the report. */
  public record Build(String sandbox, String java, String os) {
    public static Build current() {
      String version = BugReport.class.getPackage().getImplementationVersion();
      return new Build(
          "Token Sandbox " + (version == null ? "0.1.0 (development build)" : version),
          System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
          System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    }
  }

  /** The app's renewal rules as run. */
  public record Policy(
      String trigger,
      long reactionDelayMillis,
      int maxAttempts,
      boolean singleFlight,
      String timerBasis,
      String sdk) {
    static Policy of(RenewalPolicy p) {
      return new Policy(
          p.trigger().name(),
          p.reactionDelay().toMillis(),
          p.backoff().maxAttempts(),
          p.singleFlight(),
          p.timerBasis().name(),
          p.sdk().label());
    }
  }

  /** One expectation of the preset: what was expected, whether it held, and if not, why. */
  public record Check(String expected, boolean held, String failure) {}

  /**
   * One lab event: seconds after the start, the sandbox's kind, the RTC SDK callback it comes from
   * (RTC flows only), the detail, the fetch attempt, and when the token then in effect runs out.
   */
  public record Event(
      double atSeconds,
      String kind,
      String sdkCallback,
      String detail,
      int attempt,
      Double tokenExpiresAtSeconds) {}

  /** The Expiry lab's run: the preset, its policy, what changed, the verdict and the timeline. */
  public record Lab(
      String preset,
      String title,
      String description,
      String flow,
      Policy policy,
      String whatIf,
      List<String> faultsAdded,
      double runSeconds,
      String verdict,
      List<Check> expectations,
      List<Event> events) {

    static Lab of(LabViewModel.LabRun run) {
      if (run == null) {
        return null;
      }
      if (run.preset() == null) {
        return ofYourBackend(run);
      }
      QaPreset p = run.preset();
      PresetResult result = run.result();
      List<Check> checks = new ArrayList<>();
      if (result != null) {
        for (TimelineMatcher.Check c : result.checks()) {
          checks.add(new Check(c.expect().toString(), c.held(), c.failure()));
        }
      } else {
        p.expected().forEach(x -> checks.add(new Check(x.toString(), false, "not checked yet")));
      }
      boolean rtc = p.flow().isRtc();
      List<Event> events = new ArrayList<>();
      for (LabViewModel.Row r : run.rows()) {
        events.add(
            new Event(
                r.offset(),
                r.kind().name(),
                rtc ? r.kind().sdkCallback() : null,
                r.detail(),
                0,
                Double.isNaN(r.expiresAt()) ? null : r.expiresAt()));
      }
      return new Lab(
          p.id(),
          p.title(),
          p.description(),
          p.flow().label(),
          Policy.of(p.policy()),
          run.policyChanged() ? "policy changed:" + LabViewModel.changes(p).substring(2) : null,
          run.faultsAdded(),
          run.runSeconds(),
          result == null ? "NOT FINISHED" : result.passed() ? "PASS" : "FAIL",
          checks,
          events);
    }
  }

  /** A lab run against the integrator's backend: its findings stand in for expectations. */
  private static Lab ofYourBackend(LabViewModel.LabRun run) {
    CheckStep step = run.yourBackendResult();
    List<Check> checks = new ArrayList<>();
    if (step == null) {
      checks.add(new Check("renewal through your backend", false, "not finished"));
    } else if (step.passed()) {
      checks.add(new Check("renewed through your backend, never kicked or refused", true, null));
    } else {
      for (CheckStep.Finding f : step.findings()) {
        checks.add(new Check(f.problem(), false, "fix: " + f.fix()));
      }
    }
    List<Event> events = new ArrayList<>();
    for (LabViewModel.Row r : run.rows()) {
      events.add(
          new Event(r.offset(), r.kind().name(), r.kind().sdkCallback(), r.detail(), 0, null));
    }
    return new Lab(
        "your-backend",
        "Your backend: " + run.yourBackend(),
        "A virtual device fetched short tokens from your backend in real time, joined and renewed"
            + " through it; the sandbox's RTC service checked each token with your App ID and"
            + " certificate.",
        run.yourBackend().flow().label(),
        Policy.of(dev.tokensandbox.client.session.RenewalPolicy.recommended()),
        null,
        List.of(),
        run.runSeconds(),
        step == null ? "NOT FINISHED" : step.passed() ? "PASS" : "FAIL",
        checks,
        events);
  }

  /**
   * A virtual device: how it was set up, the fault it had, what its run found (said once each, kept
   * even when its log has moved on) and its recent events.
   */
  public record Device(
      String name,
      String flow,
      int tokenLifetimeSeconds,
      String renewOn,
      String fault,
      List<String> findings,
      List<TimelineEvent> events) {
    static Device of(DevicesViewModel.DeviceLog d) {
      return new Device(
          d.name(),
          d.definition().flow().label(),
          d.definition().lifetimeSeconds(),
          d.definition().trigger().name(),
          d.fault(),
          d.findings(),
          d.events());
    }
  }

  /** Builds a report from what the window holds now. */
  public static BugReport of(
      String createdAt,
      String note,
      LabViewModel.LabRun lab,
      FaultPlan faultPlan,
      List<DevicesViewModel.DeviceLog> devices,
      List<IssuedRecord> tokens,
      List<JournalEntry> traffic) {
    return new BugReport(
        FORMAT,
        VERSION,
        createdAt,
        Build.current(),
        note,
        Lab.of(lab),
        faultPlan,
        devices.stream().map(Device::of).toList(),
        tokens,
        traffic);
  }

  /**
   * The report's JSON: instants as ISO-8601 text, and a fault rule for every device without a
   * {@code device} member (as the sandbox's API writes them).
   */
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      com.fasterxml.jackson.databind.json.JsonMapper.builder()
          .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
          .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .addMixIn(dev.tokensandbox.protocol.admin.FaultRule.class, WithoutNulls.class)
          .build();

  @com.fasterxml.jackson.annotation.JsonInclude(
      com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  private interface WithoutNulls {}

  public String render(Format format, Redactor redactor) throws IOException {
    String text =
        format == Format.JSON
            ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this)
            : new BugReportPage(this).html();
    return redactor.redact(text);
  }

  /** Summary counts, for the status line. */
  public Map<String, Integer> counts() {
    Map<String, Integer> out = new LinkedHashMap<>();
    out.put("lab events", lab == null ? 0 : lab.events().size());
    out.put("devices", devices.size());
    out.put("tokens", tokens.size());
    out.put("requests", traffic.size());
    return out;
  }

  static String escape(String text) {
    return dev.tokensandbox.tools.report.Html.escape(text);
  }

  static String seconds(double s) {
    return String.format(Locale.ROOT, "%.1f", s);
  }
}
