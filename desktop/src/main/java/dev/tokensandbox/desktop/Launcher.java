package dev.tokensandbox.desktop;

import dev.tokensandbox.desktop.cli.PresetCli;
import dev.tokensandbox.desktop.shell.SandboxApp;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point for {@code java -jar}: a shaded jar cannot start a class that extends {@code
 * Application} directly, so this plain class hands over to {@link SandboxApp}. {@code preset …}
 * runs QA presets headless instead (no window, no JavaFX toolkit).
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("preset")) {
      List<String> rest = Arrays.asList(args).subList(1, args.length);
      System.exit(PresetCli.run(rest, System.out, System.err));
    }
    SandboxApp.main(args);
  }
}
