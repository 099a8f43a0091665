package dev.tokensandbox.junit;

import dev.tokensandbox.backend.clock.SandboxTime;
import dev.tokensandbox.backend.server.SandboxServer;
import dev.tokensandbox.backend.workspace.Workspace;
import dev.tokensandbox.client.backend.BackendClient;
import dev.tokensandbox.client.clock.VirtualClock;
import dev.tokensandbox.client.presets.PresetResult;
import dev.tokensandbox.client.presets.PresetRun;
import dev.tokensandbox.client.presets.Presets;
import dev.tokensandbox.client.presets.QaPreset;
import dev.tokensandbox.client.presets.SavedScenario;
import dev.tokensandbox.protocol.admin.Fault;
import dev.tokensandbox.protocol.admin.FaultRule;
import dev.tokensandbox.protocol.admin.SandboxAdmin;
import dev.tokensandbox.protocol.admin.SandboxAdmin.ClockChange;
import dev.tokensandbox.protocol.admin.SandboxAdmin.Settings;
import dev.tokensandbox.protocol.admin.SandboxAdmin.SettingsChange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A running sandbox, as a test sees it: where it listens, its credentials, its admin interface
 * (faults, device-scoped rules, settings, clock offset, journal, issued tokens, devices), its time
 * — a virtual clock that starts at the real time and moves only when the test says so — and QA
 * presets or saved scenarios run against it for a verdict.
 */
public final class Sandbox implements AutoCloseable {
  private final SandboxServer server;
  private final Workspace workspace;
  private final Settings initial;
  private final Clock javaClock = dev.tokensandbox.protocol.VirtualTime.clock(this::now);

  /** The sandbox's time: replaced by one at the real time on every {@link #reset()}. */
  private volatile VirtualClock clock = new VirtualClock(Clock.systemUTC().instant());

  private BackendClient client;

  /** Starts a sandbox on a free loopback port whose time is this object's virtual clock. */
  Sandbox(Workspace workspace, boolean demoMode) {
    this.workspace = workspace;
    this.server =
        SandboxServer.builder()
            .workspace(workspace)
            .time(SandboxTime.following(this::now))
            .port(0)
            .demoMode(demoMode)
            .log(line -> {})
            .start();
    this.initial = server.admin().settings();
  }

  /** {@code http://127.0.0.1:<port>}: the seed routes, the provider mocks and the admin API. */
  public String baseUrl() {
    return server.url();
  }

  public int port() {
    return server.port();
  }

  /**
   * The credentials tokens are signed with: {@code appId()}/{@code appCertificate()} for RTC,
   * {@code ringnityApiKey()}, {@code chatsdkApiKey()} and the JWT secrets — to verify what the
   * sandbox issues, or to configure the code under test.
   */
  public Credentials workspace() {
    return new Credentials(
        workspace.appId(),
        workspace.appCertificate(),
        workspace.ringnityApiKey(),
        workspace.chatsdkApiKey(),
        workspace.chatsdkJwtSecret(),
        workspace.ringnityJwtSecret());
  }

  /** The sandbox's admin interface, in-process: faults, settings, clock, journal, devices. */
  public SandboxAdmin admin() {
    return server.admin();
  }

  /** A client of the seed routes and provider mocks (the client core's, with typed outcomes). */
  public synchronized BackendClient client() {
    if (client == null) {
      client = BackendClient.builder(server.url()).build();
    }
    return client;
  }

  /** The sandbox's time (tokens are issued and checked against it). */
  public Instant now() {
    return clock.now();
  }

  /**
   * The sandbox's time as a {@link java.time.Clock}, for the code under test: it reads what {@link
   * #now()} reads, so an app that schedules its renewal with it follows {@link #advance}.
   */
  public Clock clock() {
    return javaClock;
  }

  /**
   * Decodes {@code token} (007, 006 or a JWT; never throws), verifies it with this sandbox's
   * credentials and lints it against the sandbox's time.
   */
  public TokenView decode(String token) {
    return TokenView.of(token, workspace, javaClock);
  }

  /**
   * Makes {@code route} fail until {@link #clearFaults()} or the next test: {@code fault} is one of
   * {@code STATUS} (value: 401, 403, 429, 500, 502 or 503), {@code LATENCY} (ms), {@code
   * EMPTY_BODY}, {@code MALFORMED_JSON}, {@code CONNECTION_RESET}, {@code TOKEN_EXPIRED}, {@code
   * WRONG_IDENTITY}, {@code SHORT_LIFETIME} (s), {@code CLOCK_SKEW} (s) or {@code REVOKED_KEY};
   * {@code route} a route id ({@code agora.rtc}, {@code gin.rtc}, …), a prefix ({@code agora.*}) or
   * {@code *}. Rules add up.
   *
   * @throws IllegalArgumentException naming the fault or value that is not one of these
   */
  public void injectFault(String route, String fault, int value) {
    Fault kind;
    try {
      kind = Fault.valueOf(fault.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "fault: " + fault + " is not one of " + java.util.List.of(Fault.values()), e);
    }
    try {
      server.admin().addFault(FaultRule.always(route, kind, value));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(fault + " " + value + ": " + e.getMessage(), e);
    }
  }

  /** No fault any more (the extension also clears them before each test). */
  public void clearFaults() {
    server.admin().clearFaults();
  }

  /**
   * The requests the sandbox answered since the test began, oldest first, as {@code "GET
   * /api/agora/token?channelName=… → 200"} (query values that carry secrets are redacted).
   */
  public java.util.List<String> requests() {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (var e : server.admin().journal(1000).entries()) {
      if (e.hop().startsWith("app")) {
        out.add(e.method() + " " + e.path() + " → " + e.status());
      }
    }
    return out;
  }

  /**
   * Moves the sandbox's time forward: tokens issued before expire as they would after {@code d}.
   */
  public void advance(Duration d) {
    clock.advanceBy(d);
  }

  /**
   * Runs the QA preset {@code id} (see {@code token-sandbox preset list}) against this sandbox in
   * virtual time and returns its verdict: {@code passed()}, the failures and the timeline ({@code
   * render()}). The run resets faults and settings before and after.
   */
  public PresetResult runPreset(String id) {
    QaPreset preset =
        Presets.byId(id)
            .orElseThrow(
                () -> new IllegalArgumentException("no QA preset '" + id + "': " + presetIds()));
    return runPreset(preset);
  }

  /** Runs {@code preset} (a built-in one, or one changed with {@code withPolicy}). */
  public PresetResult runPreset(QaPreset preset) {
    return PresetRun.runToEnd(preset, clock, client());
  }

  /**
   * Runs the lab preset of a scenario the desktop saved ({@code File → Save scenario}) and returns
   * its verdict.
   *
   * @throws IllegalArgumentException when the file is not a scenario or names no known preset
   */
  public PresetResult runScenario(Path scenarioFile) {
    String json;
    try {
      json = Files.readString(scenarioFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + scenarioFile, e);
    }
    try {
      return runPreset(SavedScenario.labPreset(json));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(scenarioFile + ": " + e.getMessage(), e);
    }
  }

  /**
   * Back to how the sandbox started: its time the real time again (whatever {@link #advance}
   * moved), no faults (device-scoped rules included), the starting settings, no clock offset or
   * speed, an empty journal. Issued tokens and connected devices stay. The extension calls this
   * before each test.
   */
  public void reset() {
    clock = new VirtualClock(Clock.systemUTC().instant());
    SandboxAdmin admin = server.admin();
    admin.clearFaults();
    admin.updateSettings(
        new SettingsChange(initial.demoMode(), initial.ginLegacyTokens(), initial.demoUsers()));
    admin.setClock(new ClockChange(true, null, null));
    admin.clearJournal();
  }

  @Override
  public void close() {
    server.close();
  }

  private static String presetIds() {
    StringBuilder out = new StringBuilder("known presets are");
    for (QaPreset p : Presets.all()) {
      out.append(' ').append(p.id());
    }
    return out.toString();
  }
}
