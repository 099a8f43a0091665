package dev.tokensandbox.backend.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Killing a process in the middle of saving the workspace (SIGKILL, at random moments, in a real
 * second JVM) never leaves the file corrupt or empty: the next load reads one whole version.
 */
class CrashSafetyTest {
  @TempDir Path dir;

  @Test
  void aKilledSaveLeavesAWholeWorkspace() throws Exception {
    Path file = dir.resolve("workspace.json");
    List<Workspace> versions =
        List.of(Workspace.generate(new Random(1)), Workspace.generate(new Random(2)));
    Random when = new Random(20261201);
    int kills = 6;
    for (int k = 0; k < kills; k++) {
      int after = 1 + when.nextInt(300);
      Process saver =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  SaveLoop.class.getName(),
                  file.toString())
              .redirectErrorStream(true)
              .start();
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(saver.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        int saves = 0;
        while (saves < after && (line = out.readLine()) != null) {
          if (line.startsWith("saved ")) {
            saves++;
          }
        }
        assertThat(saves).as("the saver ran (output ended early?)").isEqualTo(after);
        saver.destroyForcibly(); // mid-save, most likely: it saves in a tight loop
        saver.waitFor();
      }

      Workspace loaded = new WorkspaceStore(file).load().orElseThrow();
      assertThat(versions).as("after kill %d (%d saves)", k + 1, after).contains(loaded);
    }
  }
}
