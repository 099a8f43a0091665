package dev.tokensandbox.backend.internal.http;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.HttpConnection;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.NanoTime;

/**
 * Closes connections whose request line and headers have not all arrived within the deadline of
 * their first byte. Jetty parses headers without holding a thread, but it has no such limit of its
 * own: a client sending a header byte every few seconds would keep its connection (and its header
 * buffer) for hours, and its idle timeout never fires while bytes trickle in. Empty lines before a
 * request (CRLF padding, which Jetty skips without leaving its start state) count too: from the
 * sweep before they began to arrive. And a connection whose output the server has shut (an idle
 * timeout, a {@code Connection: close} answer) is closed fully after {@link #HALF_CLOSED_GRACE}
 * even if the peer keeps its end open. Checked a few times per deadline on the server's watch
 * thread.
 */
public final class HeaderDeadline {
  /** How long a connection may stay half-closed (our side shut) before it is closed fully. */
  public static final Duration HALF_CLOSED_GRACE = Duration.ofSeconds(2);

  private static final long NONE = Long.MIN_VALUE;

  /** What the sweeps saw of one connection waiting for a request. */
  private static final class Track {
    long messages;
    long bytes;
    long paddingSince = NONE;
    long shutSince = NONE;
  }

  private final ServerConnector connector;
  private final long deadlineNanos;
  private final LongSupplier nanoTime;
  private final java.util.Map<EndPoint, Track> tracks = new java.util.HashMap<>();
  private long lastSweep = NONE;

  /** Sweeps {@code connector} on {@code watch} a few times per deadline. */
  public HeaderDeadline(
      ServerConnector connector, Duration deadline, ScheduledExecutorService watch) {
    this(connector, deadline, NanoTime::now);
    long period = Math.max(TimeUnit.MILLISECONDS.toNanos(20), deadlineNanos / 4);
    watch.scheduleAtFixedRate(this::sweep, period, period, TimeUnit.NANOSECONDS);
  }

  HeaderDeadline(ServerConnector connector, Duration deadline, LongSupplier nanoTime) {
    this.connector = connector;
    this.deadlineNanos = deadline.toNanos();
    this.nanoTime = nanoTime;
  }

  /** Closes every connection over its header deadline or half-closed too long; returns how many. */
  synchronized int sweep() {
    int closed = 0;
    long now = nanoTime.getAsLong();
    long since = lastSweep == NONE ? now : lastSweep;
    java.util.Set<EndPoint> seen = new java.util.HashSet<>();
    for (EndPoint endPoint : connector.getConnectedEndPoints()) {
      seen.add(endPoint);
      if (endPoint.isOutputShutdown() && endPoint.isOpen()) {
        Track track = tracks.computeIfAbsent(endPoint, e -> new Track());
        if (track.shutSince == NONE) {
          track.shutSince = now;
        } else if (now - track.shutSince > HALF_CLOSED_GRACE.toNanos()) {
          endPoint.close();
          closed++;
        }
        continue;
      }
      if (endPoint.getConnection() instanceof HttpConnection http) {
        var parser = http.getParser();
        // Past the headers the body has its own deadline (BodyReader).
        if (!parser.isStart()
            && parser.inHeaderState()
            && parser.getBeginNanoTime() != Long.MIN_VALUE
            && now - parser.getBeginNanoTime() > deadlineNanos) {
          timeOut(endPoint);
          closed++;
        } else if (parser.isStart() && padded(endPoint, http, since, now)) {
          timeOut(endPoint);
          closed++;
        }
      }
    }
    tracks.keySet().retainAll(seen);
    lastSweep = now;
    return closed;
  }

  /**
   * Waiting for a request, yet bytes arrived since the last sweep and no request was read: they are
   * padding, and the deadline runs from {@code since}. True when it has passed.
   */
  private boolean padded(EndPoint endPoint, HttpConnection http, long since, long now) {
    long messages = http.getMessagesIn();
    long bytes = http.getBytesIn();
    Track track = tracks.get(endPoint);
    if (track == null) {
      track = new Track();
      track.messages = messages;
      track.bytes = bytes;
      if (messages == 0 && bytes > 0) {
        track.paddingSince = since; // bytes, and not one request: padding from the start
      }
      tracks.put(endPoint, track);
      return false;
    }
    if (messages != track.messages) {
      track.messages = messages;
      track.bytes = bytes;
      track.paddingSince = NONE;
      return false;
    }
    if (bytes != track.bytes) {
      track.bytes = bytes;
      if (track.paddingSince == NONE) {
        track.paddingSince = since;
      }
    }
    return track.paddingSince != NONE && now - track.paddingSince > deadlineNanos;
  }

  /** Answers 408 in the sandbox's JSON shape, then closes the connection. */
  private static void timeOut(EndPoint endPoint) {
    endPoint.write(
        Callback.from(endPoint::close, failed -> endPoint.close()),
        JettyErrors.rawAnswer(
            408,
            "Request Timeout",
            "",
            "request_timeout",
            "headers",
            "request line and headers not received in time"));
  }
}
