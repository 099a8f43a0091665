package dev.tokensandbox.desktop;

import dev.tokensandbox.desktop.shell.SandboxApp;

/**
 * Entry point for {@code java -jar}: a shaded jar cannot start a class that extends {@code
 * Application} directly, so this plain class hands over to {@link SandboxApp}.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) {
    SandboxApp.main(args);
  }
}
