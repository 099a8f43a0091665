package dev.tokensandbox.tools.cli;

import dev.tokensandbox.backend.clock.SandboxTime;
import dev.tokensandbox.backend.server.SandboxServer;
import dev.tokensandbox.backend.workspace.Workspace;
import dev.tokensandbox.client.backend.BackendClient;
import dev.tokensandbox.client.clock.VirtualClock;
import dev.tokensandbox.client.presets.PresetResult;
import dev.tokensandbox.client.presets.PresetRun;
import dev.tokensandbox.client.presets.Presets;
import dev.tokensandbox.client.presets.QaPreset;
import dev.tokensandbox.client.presets.TimelineMatcher;
import dev.tokensandbox.tools.check.JUnitXml;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code preset list} and {@code preset run ID… | --all} do ({@link PresetCommand} parses):
 * run QA presets headless against an embedded mock backend (fresh in-memory credentials, loopback,
 * port 0) in virtual time and print each timeline with its verdict.
 */
public final class PresetCli {
  private PresetCli() {}

  /** One line per preset: id and title. */
  static void list(PrintWriter out) {
    for (QaPreset p : Presets.all()) {
      out.printf("%-26s %s%n", p.id(), p.title());
    }
  }

  /**
   * Runs {@code chosen} in order, printing each timeline and each expectation with whether it held;
   * writes JUnit XML to {@code junit} when given. 0 when every run matched, 1 when one did not.
   */
  /** A preset to run and the name its report uses: the id, or the scenario file and what-if. */
  record Named(String name, QaPreset preset) {
    static Named of(QaPreset preset) {
      return new Named(preset.id(), preset);
    }
  }

  static int run(List<QaPreset> chosen, PrintWriter out, Path junit) throws IOException {
    return runNamed(chosen.stream().map(Named::of).toList(), out, junit);
  }

  /**
   * As {@link #run}, each report entry under its name. The JUnit case's time is the wall time the
   * run took; the virtual time it covered is its {@code virtualSeconds} property.
   */
  static int runNamed(List<Named> named, PrintWriter out, Path junit) throws IOException {
    List<QaPreset> chosen = named.stream().map(Named::preset).toList();
    List<Double> wallSeconds = new ArrayList<>();
    VirtualClock clock = new VirtualClock(Clock.systemUTC().instant());
    List<PresetResult> results = new ArrayList<>();
    try (SandboxServer server =
        SandboxServer.builder()
            .workspace(Workspace.generate(new SecureRandom()))
            .time(SandboxTime.following(clock::now))
            .port(0)
            .log(line -> {})
            .start()) {
      BackendClient client = BackendClient.builder(server.url()).build();
      for (QaPreset preset : chosen) {
        long started = System.nanoTime();
        PresetResult result = PresetRun.runToEnd(preset, clock, client);
        wallSeconds.add((System.nanoTime() - started) / 1e9);
        results.add(result);
        out.print(result.render());
        for (TimelineMatcher.Check c : result.checks()) {
          out.println("  " + (c.held() ? "✓ " + c.expect() : "✗ " + c.failure()));
        }
        out.println();
        out.flush();
      }
    }
    long failed = results.stream().filter(r -> !r.passed()).count();
    out.println((chosen.size() - failed) + " of " + chosen.size() + " presets matched");
    if (junit != null) {
      List<JUnitXml.Case> cases = new ArrayList<>();
      for (int i = 0; i < results.size(); i++) {
        PresetResult r = results.get(i);
        StringBuilder text = new StringBuilder();
        for (TimelineMatcher.Check c : r.checks()) {
          text.append(c.held() ? "held: " + c.expect() : "FAILED: " + c.failure()).append('\n');
        }
        cases.add(
            new JUnitXml.Case(
                "token-sandbox.presets",
                named.get(i).name(),
                wallSeconds.get(i),
                r.passed()
                    ? null
                    : r.preset().title()
                        + ": "
                        + r.failures().size()
                        + " expectation(s) did not hold",
                text.toString(),
                null,
                r.render(),
                java.util.Map.of(
                    "virtualSeconds",
                    String.format(
                        java.util.Locale.ROOT, "%.1f", r.preset().runFor().toMillis() / 1000.0),
                    "preset",
                    r.preset().id())));
      }
      JUnitXml.write("token-sandbox presets", cases, junit);
      out.println("JUnit XML: " + junit);
    }
    return failed == 0 ? 0 : 1;
  }
}
