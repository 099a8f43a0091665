package dev.tokensandbox.desktop;

import dev.tokensandbox.desktop.cli.DesktopCommand;
import dev.tokensandbox.desktop.shell.SandboxApp;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Entry point for {@code java -jar}: parses the command line ({@link DesktopCommand}), then opens
 * the window ({@link SandboxApp}; a shaded jar cannot start a class that extends {@code
 * Application} directly) or runs {@code preset …} headless (no window, no JavaFX toolkit).
 */
public final class Launcher {
  /**
   * JavaFX warns that it runs from the class path ("Unsupported JavaFX configuration"): a shaded
   * jar cannot put it on the module path, and every class it needs is there, so the warning says
   * nothing a user can act on. Held here so the logger (and its level) is not collected.
   */
  private static final java.util.logging.Logger JAVAFX_LOG =
      java.util.logging.Logger.getLogger("javafx");

  private Launcher() {}

  public static void main(String[] args) {
    JAVAFX_LOG.setLevel(java.util.logging.Level.SEVERE);
    boolean[] window = {false};
    int code =
        DesktopCommand.run(
            args,
            new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
            new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
            options -> {
              window[0] = true;
              SandboxApp.launch(options);
            });
    if (!window[0] || code != 0) {
      System.exit(code);
    }
  }
}
