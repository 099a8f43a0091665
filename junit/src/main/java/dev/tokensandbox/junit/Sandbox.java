package dev.tokensandbox.junit;

import dev.tokensandbox.backend.admin.SandboxAdmin;
import dev.tokensandbox.backend.admin.SandboxAdmin.ClockChange;
import dev.tokensandbox.backend.admin.SandboxAdmin.Settings;
import dev.tokensandbox.backend.admin.SandboxAdmin.SettingsChange;
import dev.tokensandbox.backend.server.SandboxServer;
import dev.tokensandbox.backend.workspace.Workspace;
import dev.tokensandbox.client.backend.BackendClient;
import dev.tokensandbox.client.clock.VirtualClock;
import dev.tokensandbox.client.presets.PresetResult;
import dev.tokensandbox.client.presets.PresetRun;
import dev.tokensandbox.client.presets.Presets;
import dev.tokensandbox.client.presets.QaPreset;
import dev.tokensandbox.client.presets.SavedScenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
  private final VirtualClock clock;
  private final Workspace workspace;
  private final Settings initial;
  private BackendClient client;

  Sandbox(SandboxServer server, VirtualClock clock, Workspace workspace) {
    this.server = server;
    this.clock = clock;
    this.workspace = workspace;
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
  public Workspace workspace() {
    return workspace;
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
   * Back to how the sandbox started: no faults (device-scoped rules included), the starting
   * settings, no clock offset or speed, an empty journal. Issued tokens and connected devices stay.
   * The extension calls this before each test.
   */
  public void reset() {
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
