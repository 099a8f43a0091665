package dev.tokensandbox.desktop.testing;

import dev.tokensandbox.backend.workspace.Workspace;
import dev.tokensandbox.desktop.shell.Sandbox;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole desktop behind the window, opened as the app opens it: a real backend on port 0 with a
 * fixed workspace, state files in a temporary directory.
 */
public final class SandboxUnderTest implements AutoCloseable {
  public static final Workspace WORKSPACE = Workspace.generate(new Random(5));

  public final Sandbox sandbox;

  private SandboxUnderTest(Sandbox sandbox) {
    this.sandbox = sandbox;
  }

  /** Opens the sandbox and waits until its backend answers. */
  public static SandboxUnderTest open(Path home, Executor ui) {
    SandboxUnderTest sut =
        new SandboxUnderTest(
            Sandbox.open(new Sandbox.Options(WORKSPACE, 0, home, Clock.systemUTC(), ui)));
    await("the backend to start", () -> sut.sandbox.host().status().running());
    // Not the view-model's flag: a TestFX @Start runs on the FX thread that would deliver it.
    await("the lab's backend to start", sut.sandbox::labStarted);
    return sut;
  }

  /**
   * Issues a token through every flow of the Issue screen (on {@code ui}, the view-models' thread)
   * and returns the tokens, in flow order.
   */
  public java.util.List<String> issueEveryFlow(UiThread ui) {
    java.util.List<String> tokens = new java.util.ArrayList<>();
    for (dev.tokensandbox.desktop.issue.IssueFlow flow :
        dev.tokensandbox.desktop.issue.IssueFlow.values()) {
      ui.run(
          () -> {
            sandbox.issue.flowProperty().set(flow);
            sandbox.issue.issue();
          });
      await(flow.name(), () -> ui.call(() -> !sandbox.issue.busyProperty().get()));
      tokens.add(ui.call(() -> sandbox.issue.tokenProperty().get()));
    }
    return tokens;
  }

  public String url() {
    return sandbox.host().status().url();
  }

  /** Waits up to 15 s for {@code condition} (real servers and threads are involved). */
  public static void await(String what, Callable<Boolean> condition) {
    try {
      WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
    } catch (TimeoutException e) {
      throw new AssertionError("timed out waiting for " + what, e);
    }
  }

  @Override
  public void close() {
    sandbox.close();
  }
}
