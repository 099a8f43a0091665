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
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code preset list} and {@code preset run ID… | --all}: runs QA presets headless against an
 * embedded mock backend (fresh in-memory credentials, loopback, port 0) in virtual time and prints
 * each timeline with its verdict. Exit 0 when every run matched, 1 when one did not, 2 on bad use.
 */
public final class PresetCli {
  private static final String USAGE = "usage: preset list | preset run <id>... | preset run --all";

  private PresetCli() {}

  public static int run(List<String> args, PrintStream out, PrintStream err) {
    if (args.isEmpty() || !(args.get(0).equals("list") || args.get(0).equals("run"))) {
      err.println(USAGE);
      return 2;
    }
    if (args.get(0).equals("list")) {
      for (QaPreset p : Presets.all()) {
        out.printf("%-26s %s%n", p.id(), p.title());
      }
      return 0;
    }
    List<QaPreset> chosen = new ArrayList<>();
    List<String> ids = args.subList(1, args.size());
    if (ids.equals(List.of("--all"))) {
      chosen.addAll(Presets.all());
    } else {
      for (String id : ids) {
        Optional<QaPreset> p = Presets.byId(id);
        if (p.isEmpty()) {
          err.println("unknown preset \"" + id + "\"; `preset list` shows the ids");
          return 2;
        }
        chosen.add(p.get());
      }
    }
    if (chosen.isEmpty()) {
      err.println(USAGE);
      return 2;
    }
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
