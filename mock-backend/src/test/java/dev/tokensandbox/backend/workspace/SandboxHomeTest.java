package dev.tokensandbox.backend.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One home: the same directory the launchers use ({@code bin/.launch}). */
class SandboxHomeTest {
  private static final Path USER_HOME = Path.of("/home/passwd-entry");

  @Test
  void tokenSandboxHomeWinsThenHomeThenTheUserHome() {
    assertThat(
            SandboxHome.dir(Map.of("TOKEN_SANDBOX_HOME", "/ci/sandbox", "HOME", "/ci"), USER_HOME))
        .isEqualTo(Path.of("/ci/sandbox"));
    assertThat(SandboxHome.dir(Map.of("HOME", "/runner"), USER_HOME))
        .isEqualTo(Path.of("/runner/.token-sandbox"));
    assertThat(SandboxHome.dir(Map.of(), USER_HOME))
        .isEqualTo(Path.of("/home/passwd-entry/.token-sandbox"));
  }

  @Test
  void theDefaultWorkspaceLivesThere() {
    assertThat(WorkspaceStore.locate(null, Map.of("HOME", "/runner"), USER_HOME).file())
        .isEqualTo(Path.of("/runner/.token-sandbox/workspace.json"));
    assertThat(
            WorkspaceStore.locate(
                    null, Map.of("TOKEN_SANDBOX_WORKSPACE", "/w.json", "HOME", "/r"), USER_HOME)
                .file())
        .isEqualTo(Path.of("/w.json"));
  }
}
