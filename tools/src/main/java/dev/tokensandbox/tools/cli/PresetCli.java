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
  static int run(List<QaPreset> chosen, PrintWriter out, Path junit) throws IOException {
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
        PresetResult result = PresetRun.runToEnd(preset, clock, client);
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
      for (PresetResult r : results) {
        StringBuilder text = new StringBuilder();
        for (TimelineMatcher.Check c : r.checks()) {
          text.append(c.held() ? "held: " + c.expect() : "FAILED: " + c.failure()).append('\n');
        }
        cases.add(
            new JUnitXml.Case(
                "token-sandbox.presets",
                r.preset().id(),
                r.preset().runFor().toMillis() / 1000.0,
                r.passed()
                    ? null
                    : r.preset().title()
                        + ": "
                        + r.failures().size()
                        + " expectation(s) did not hold",
                text.toString(),
                null,
                r.render()));
      }
      JUnitXml.write("token-sandbox presets", cases, junit);
      out.println("JUnit XML: " + junit);
    }
    return failed == 0 ? 0 : 1;
  }
}
