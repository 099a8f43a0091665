package dev.tokensandbox.desktop.testing;

import dev.tokensandbox.backend.server.SandboxServer;
import dev.tokensandbox.desktop.host.BackendHost;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The window's backend alone, started on port 0 with the test workspace: for view-model tests that
 * run their I/O on the calling thread ({@link #SAME_THREAD}) and so never poll for an answer.
 */
public final class HostUnderTest implements AutoCloseable {
  /** Runs each task at once, on the caller's thread: a command has finished when it returns. */
  public static final Executor SAME_THREAD = Runnable::run;

  public final BackendHost host = new BackendHost(SandboxUnderTest.WORKSPACE, Optional::empty);
  public final SandboxServer server;

  public HostUnderTest() {
    host.start(0, false);
    SandboxUnderTest.await("the backend to start", () -> host.status().running());
    server = host.server().orElseThrow();
  }

  @Override
  public void close() {
    host.close();
  }
}
