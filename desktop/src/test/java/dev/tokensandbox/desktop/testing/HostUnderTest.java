package dev.tokensandbox.desktop.testing;

import dev.tokensandbox.backend.server.SandboxServer;
import dev.tokensandbox.desktop.host.BackendHost;
import java.util.Optional;

/**
 * The window's backend alone, started on port 0 with the test workspace: for view-model tests that
 * run their work on the calling thread ({@code TaskExecutor.currentThread()}) and so never poll.
 */
public final class HostUnderTest implements AutoCloseable {
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
