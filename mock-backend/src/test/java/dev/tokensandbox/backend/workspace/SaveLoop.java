package dev.tokensandbox.backend.workspace;

import java.nio.file.Path;
import java.util.Random;

/**
 * A process that saves two different workspaces to one file, alternately, forever, printing the
 * count after each save: {@link CrashSafetyTest} kills it at random moments.
 */
public final class SaveLoop {
  private SaveLoop() {}

  public static void main(String[] args) {
    WorkspaceStore store = new WorkspaceStore(Path.of(args[0]));
    Workspace[] versions = {Workspace.generate(new Random(1)), Workspace.generate(new Random(2))};
    for (long n = 1; ; n++) {
      store.save(versions[(int) (n % 2)]);
      System.out.println("saved " + n);
      System.out.flush();
    }
  }
}
