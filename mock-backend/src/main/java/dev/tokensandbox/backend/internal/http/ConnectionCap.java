package dev.tokensandbox.backend.internal.http;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * Caps open connections: {@code max} in all, and {@link #MAX_PER_PEER} per peer that is not this
 * machine (an IPv4 address or an IPv6 {@code /64}, as {@link PairingCheck} counts guessers). A
 * connection beyond a cap is answered {@code 503} in the sandbox's JSON shape at once and closed,
 * so one client cannot exhaust the process's file descriptors and leave {@code /ping} unanswered.
 */
public final class ConnectionCap {
  /** Connections open at once, by default (well below a default limit of 1,024 descriptors). */
  public static final int DEFAULT_MAX = 512;

  /** Connections one peer on the network may hold open at once. */
  public static final int MAX_PER_PEER = 64;

  private final int max;
  private final AtomicInteger open = new AtomicInteger();
  private final ConcurrentHashMap<String, AtomicInteger> byPeer = new ConcurrentHashMap<>();
  private final AtomicInteger refused = new AtomicInteger();

  public ConnectionCap(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max connections must be positive, got " + max);
    }
    this.max = max;
  }

  /** Connections refused since the start. */
  public int refused() {
    return refused.get();
  }

  /** Connections open now. */
  public int open() {
    return open.get();
  }

  /**
   * The connection {@code make} builds, counted until it closes; or, over a cap, one that answers
   * 503 and closes.
   */
  public Connection admit(EndPoint endPoint, Supplier<Connection> make) {
    String peer = peerOf(endPoint.getRemoteSocketAddress());
    AtomicInteger mine =
        peer == null ? null : byPeer.computeIfAbsent(peer, p -> new AtomicInteger());
    int total = open.incrementAndGet();
    int ofPeer = mine == null ? 0 : mine.incrementAndGet();
    if (total > max || ofPeer > Math.min(MAX_PER_PEER, max)) {
      release(peer, mine);
      refused.incrementAndGet();
      return new Refusal(
          endPoint,
          total > max
              ? max + " connections are open: try again shortly"
              : "this address holds " + MAX_PER_PEER + " connections: close some first");
    }
    Connection connection = make.get();
    connection.addEventListener(
        new Connection.Listener() {
          @Override
          public void onOpened(Connection c) {}

          @Override
          public void onClosed(Connection c) {
            release(peer, mine);
          }
        });
    return connection;
  }

  private void release(String peer, AtomicInteger mine) {
    open.decrementAndGet();
    if (mine != null && mine.decrementAndGet() <= 0) {
      byPeer.remove(peer, mine);
    }
  }

  /** The unit counted per peer, or null for this machine (it is never capped per peer). */
  private static String peerOf(SocketAddress address) {
    if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
      return inet.getAddress().isLoopbackAddress()
          ? null
          : PairingCheck.peerOf(inet.getAddress().getHostAddress());
    }
    return null;
  }

  /** Answers 503 in the sandbox's JSON shape, then closes. */
  private static final class Refusal extends AbstractConnection {
    private final String message;

    Refusal(EndPoint endPoint, String message) {
      super(endPoint, Runnable::run);
      this.message = message;
    }

    @Override
    public void onOpen() {
      super.onOpen();
      EndPoint endPoint = getEndPoint();
      endPoint.write(
          Callback.from(() -> drainAndClose(endPoint), failed -> endPoint.close()),
          JettyErrors.rawAnswer(
              503,
              "Service Unavailable",
              "Retry-After: 1\r\n",
              "too_many_connections",
              null,
              message));
    }

    /** Reads what the client already sent, so closing does not reset the answer away. */
    private static void drainAndClose(EndPoint endPoint) {
      try {
        ByteBuffer sink = BufferUtil.allocate(4096);
        endPoint.fill(sink);
      } catch (java.io.IOException ignored) {
        // closing anyway
      }
      endPoint.close();
    }

    @Override
    public void onFillable() {
      // never asked: the answer does not depend on the request
    }
  }
}
