package dev.tokensandbox.client.testing;

import dev.tokensandbox.backend.clock.SandboxTime;
import dev.tokensandbox.backend.server.SandboxServer;
import dev.tokensandbox.backend.workspace.Workspace;
import dev.tokensandbox.client.backend.BackendClient;
import dev.tokensandbox.client.clock.VirtualClock;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;

/**
 * The real mock backend on a free port, its time read from the test's {@link VirtualClock}, and a
 * {@link BackendClient} for it. Everything the client core does in a test crosses real HTTP.
 */
public final class LiveBackend implements AutoCloseable {
  public static final Instant START = Instant.parse("2026-11-24T12:00:00Z");
  public static final Workspace WORKSPACE =
      new Workspace(
          "970ca35de60c44645bbae8a215061b33",
          "5cfd2fd1755d40ecb72977518be15d3b",
          "chatsdk-jwt-secret-0123456789abcdef0123456789",
          "ringnity-jwt-secret-0123456789abcdef012345",
          "rn_sk_test_0123456789abcdef",
          "chatsdk_0123456789abcdef");

  /** One OkHttpClient for every test client, as the app shares one. */
  private static final OkHttpClient HTTP = BackendClient.defaultHttpClient();

  public final VirtualClock clock;
  public final SandboxServer server;
  public final BackendClient client;
  public final List<String> clientLog = new CopyOnWriteArrayList<>();
  public final List<String> serverLog = new CopyOnWriteArrayList<>();

  public LiveBackend() {
    this(new VirtualClock(START));
  }

  public LiveBackend(VirtualClock clock) {
    this.clock = clock;
    this.server =
        SandboxServer.builder()
            .workspace(WORKSPACE)
            .time(SandboxTime.following(clock::now))
            .random(new Random(42))
            .port(0)
            .log(serverLog::add)
            .start();
    this.client = client(HTTP);
  }

  /** Another client for this backend over {@code http} (e.g. with short timeouts). */
  public BackendClient client(OkHttpClient http) {
    return BackendClient.builder(server.url()).httpClient(http).log(clientLog::add).build();
  }

  /**
   * Closes the server's idle keep-alive connections, as its idle timeout would, once {@code count}
   * of them are idle: the server recycles a connection just after the client has read the answer.
   */
  public void closeIdleConnections(int count) {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    int closed = 0;
    while (closed < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("only " + closed + " of " + count + " connections became idle");
      }
      closed += dev.tokensandbox.backend.server.ServerTesting.closeIdleConnections(server);
      Thread.onSpinWait();
    }
  }

  /**
   * Waits until the journal holds {@code count} entries of {@code route} (a dropped answer is
   * journaled just after the client saw the connection drop) and returns how many it holds.
   */
  public long awaitJournaled(String route, int count) {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    long seen;
    while ((seen = journaled(route)) < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(seen + " of " + count + " " + route + " requests journaled");
      }
      Thread.onSpinWait();
    }
    return seen;
  }

  /** How many entries of {@code route} the journal holds. */
  public long journaled(String route) {
    return server.admin().journal(Integer.MAX_VALUE).entries().stream()
        .filter(e -> e.route().equals(route))
        .count();
  }

  public static OkHttpClient sharedHttp() {
    return HTTP;
  }

  @Override
  public void close() {
    server.close();
  }
}
