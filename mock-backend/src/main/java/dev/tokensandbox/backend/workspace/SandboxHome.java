package dev.tokensandbox.backend.workspace;

import java.nio.file.Path;
import java.util.Map;

/**
 * The one directory everything the sandbox writes goes to — the workspace, the desktop's window
 * state, the launchers' class archives: {@code $TOKEN_SANDBOX_HOME}, else {@code
 * $HOME/.token-sandbox}, else {@code <user.home>/.token-sandbox}. The launchers ({@code
 * bin/.launch}) decide the same way, so a custom {@code HOME} (a CI runner, a container, a test)
 * keeps everything in one place and away from the real user's files.
 */
public final class SandboxHome {
  /** Names the sandbox's directory itself (not its parent). */
  public static final String HOME_ENV = "TOKEN_SANDBOX_HOME";

  private SandboxHome() {}

  /** The sandbox's directory for this environment; {@code userHome} is Java's {@code user.home}. */
  public static Path dir(Map<String, String> env, Path userHome) {
    String explicit = env.get(HOME_ENV);
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit.strip());
    }
    String home = env.get("HOME");
    Path base = home != null && !home.isBlank() ? Path.of(home.strip()) : userHome;
    return base.resolve(".token-sandbox");
  }

  /** The directory for this process: its environment and {@code user.home}. */
  public static Path current() {
    return dir(System.getenv(), Path.of(System.getProperty("user.home")));
  }
}
