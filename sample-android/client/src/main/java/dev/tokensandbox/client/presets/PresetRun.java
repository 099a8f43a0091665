package dev.tokensandbox.client.presets;

import dev.tokensandbox.client.admin.SandboxAdminClient;
import dev.tokensandbox.client.backend.BackendClient;
import dev.tokensandbox.client.clock.CallRunner;
import dev.tokensandbox.client.clock.SandboxClock;
import dev.tokensandbox.client.clock.SkewedClock;
import dev.tokensandbox.client.clock.VirtualClock;
import dev.tokensandbox.client.rtc.RtcService;
import dev.tokensandbox.client.session.EventKind;
import dev.tokensandbox.client.session.TimelineEvent;
import dev.tokensandbox.client.session.TokenSession;
import dev.tokensandbox.client.session.TokenSource;
import dev.tokensandbox.protocol.admin.AdminException;
import dev.tokensandbox.protocol.admin.SandboxAdmin;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * One run of a {@link QaPreset} against a backend, in virtual time. {@link #start} resets the
 * backend's faults and settings, wires a device, schedules the steps and starts the session; the
 * caller moves the clock (a test or the CLI with {@link #runToEnd()}, the desktop with its pacer).
 * At the end the session stops, the backend is reset and the timeline is checked.
 */
public final class PresetRun {
  /** The demo user presets log in as (the mock backend's documented demo account). */
  public static final String DEMO_USER = "alice";

  public static final String DEMO_PASSWORD = "alice-demo";

  private final QaPreset preset;
  private final VirtualClock clock;
  private final SandboxAdminClient control;
  private final TokenSession session;
  private final Instant start;
  private final List<TimelineEvent> events = new ArrayList<>();
  private final Consumer<TimelineEvent> listener;
  private final Consumer<PresetResult> onFinish;
  private PresetResult result;

  private PresetRun(
      QaPreset preset,
      VirtualClock clock,
      BackendClient client,
      Consumer<TimelineEvent> listener,
      Consumer<PresetResult> onFinish) {
    this.preset = preset;
    this.clock = clock;
    this.control = new SandboxAdminClient(client);
    this.listener = listener;
    this.onFinish = onFinish;
    this.start = alignToSecond(clock);
    SandboxClock device =
        preset.deviceSkew().isZero() ? clock : new SkewedClock(clock, preset.deviceSkew());
    this.session =
        TokenSession.builder(
                preset.id(),
                device,
                TokenSource.backend(client, preset.flow(), preset.who(), DEMO_USER, DEMO_PASSWORD))
            .rtc(preset.who(), RtcService.backend(client))
            .policy(preset.policy())
            .runner(CallRunner.inline(device, preset.latency()))
            .random(new Random(preset.id().hashCode()))
            .timelineClock(clock)
            .listener(
                e -> {
                  events.add(e);
                  listener.accept(e);
                })
            .build();
  }

  /**
   * Tokens carry whole seconds, so a run starts on one: the clock first moves to the next whole
   * second when it is between two.
   */
  private static Instant alignToSecond(VirtualClock clock) {
    Instant now = clock.now();
    Instant whole = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    if (!whole.equals(now)) {
      clock.advanceTo(whole.plusSeconds(1));
    }
    return clock.now();
  }

  /** Starts {@code preset} at the clock's current (whole) second. */
  public static PresetRun start(
      QaPreset preset,
      VirtualClock clock,
      BackendClient client,
      Consumer<TimelineEvent> listener,
      Consumer<PresetResult> onFinish) {
    PresetRun run = new PresetRun(preset, clock, client, listener, onFinish);
    run.begin();
    return run;
  }

  /** Starts and runs {@code preset} to its end; for tests and the CLI. */
  public static PresetResult runToEnd(QaPreset preset, VirtualClock clock, BackendClient client) {
    PresetRun run = start(preset, clock, client, e -> {}, r -> {});
    run.runToEnd();
    return run.result();
  }

  private void begin() {
    reset();
    for (QaPreset.Step step : preset.steps()) {
      if (step.at().isZero()) {
        apply(step);
      } else {
        clock.schedule(start.plus(step.at()), () -> apply(step));
      }
    }
    clock.schedule(endsAt(), this::finish);
    session.start();
  }

  /** A step the sandbox refused is a note on the timeline, and the run goes on. */
  private void apply(QaPreset.Step step) {
    try {
      step.action().apply(this);
    } catch (AdminException e) {
      note("the sandbox did not take \"" + step.label() + "\": " + e.getMessage());
    }
  }

  private void note(String detail) {
    TimelineEvent e = new TimelineEvent(clock.now(), preset.id(), EventKind.NOTE, detail, 0);
    events.add(e);
    listener.accept(e);
  }

  public void runToEnd() {
    clock.advanceTo(endsAt());
  }

  public Instant endsAt() {
    return start.plus(preset.runFor());
  }

  public Instant start() {
    return start;
  }

  public QaPreset preset() {
    return preset;
  }

  public TokenSession session() {
    return session;
  }

  public SandboxAdmin control() {
    return control;
  }

  public List<TimelineEvent> events() {
    return Collections.unmodifiableList(events);
  }

  /** The verdict, once the run has ended; null before. */
  public PresetResult result() {
    return result;
  }

  private void finish() {
    session.stop();
    reset();
    result =
        new PresetResult(
            preset,
            start,
            Collections.unmodifiableList(new ArrayList<>(events)),
            TimelineMatcher.check(events, preset.expected(), start));
    onFinish.accept(result);
  }

  private void reset() {
    try {
      control.clearFaults();
      control.updateSettings(SandboxAdmin.SettingsChange.ginLegacyTokens(false));
    } catch (AdminException e) {
      note("the sandbox could not be reset: " + e.getMessage());
    }
  }
}
