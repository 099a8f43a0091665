package dev.tokensandbox.backend.cli;

import dev.tokensandbox.backend.workspace.WorkspaceStore;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.random.RandomGenerator;

/** What commands may touch of the outside world; tests pass their own. */
record CliContext(
    PrintWriter out,
    PrintWriter err,
    InputStream in,
    Map<String, String> env,
    Path home,
    Clock clock,
    RandomGenerator random) {

  /**
   * {@code --workspace}, else {@code $TOKEN_SANDBOX_WORKSPACE}, else {@code
   * ~/.token-sandbox/workspace.json}.
   */
  WorkspaceStore workspace(Path explicit) {
    return WorkspaceStore.locate(explicit, env, home)
        .warningsTo(warning -> err().println("warning: " + warning));
  }

  String env(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }
}
