package dev.tokensandbox.desktop.cli;

import dev.tokensandbox.backend.clock.SandboxTime;
import dev.tokensandbox.backend.server.SandboxServer;
import dev.tokensandbox.backend.workspace.Workspace;
import dev.tokensandbox.client.backend.BackendClient;
import dev.tokensandbox.client.clock.VirtualClock;
import dev.tokensandbox.client.presets.PresetResult;
import dev.tokensandbox.client.presets.PresetRun;
import dev.tokensandbox.client.presets.Presets;
import dev.tokensandbox.client.presets.QaPreset;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Clock;
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

  /** Runs {@code chosen} in order; 0 when every run matched, 1 when one did not. */
  static int run(List<QaPreset> chosen, PrintWriter out) {
    VirtualClock clock = new VirtualClock(Clock.systemUTC().instant());
    try (SandboxServer server =
        SandboxServer.builder()
            .workspace(Workspace.generate(new SecureRandom()))
            .time(SandboxTime.following(clock::now))
            .port(0)
            .log(line -> {})
            .start()) {
      BackendClient client = BackendClient.builder(server.url()).build();
      int failed = 0;
      for (QaPreset preset : chosen) {
        PresetResult result = PresetRun.runToEnd(preset, clock, client);
        out.print(result.render());
        out.println();
        failed += result.passed() ? 0 : 1;
      }
      out.println((chosen.size() - failed) + " of " + chosen.size() + " presets matched");
      return failed == 0 ? 0 : 1;
    }
  }
}
