package dev.tokensandbox.backend.server;

/**
 * What other modules' tests may do to a running server that is not its public API (published in
 * mock-backend's test jar).
 */
public final class ServerTesting {
  private ServerTesting() {}

  /**
   * Closes the server's idle keep-alive connections now, as its idle timeout would; returns how
   * many were closed.
   */
  public static int closeIdleConnections(SandboxServer server) {
    return server.closeIdleConnections();
  }
}
