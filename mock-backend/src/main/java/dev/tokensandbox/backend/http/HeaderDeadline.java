package dev.tokensandbox.backend.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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
 * buffer) for hours, and its idle timeout never fires while bytes trickle in. Checked a few times
 * per deadline on the server's watch thread.
 */
public final class HeaderDeadline {
  private final ServerConnector connector;
  private final long deadlineNanos;
  private final LongSupplier nanoTime;

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

  /** Closes every connection over its header deadline; returns how many. */
  int sweep() {
    int closed = 0;
    long now = nanoTime.getAsLong();
    for (EndPoint endPoint : connector.getConnectedEndPoints()) {
      if (endPoint.getConnection() instanceof HttpConnection http) {
        var parser = http.getParser();
        // START: waiting for a request (the idle timeout's business); past the headers: the body
        // has its own deadline (BodyReader).
        if (!parser.isStart()
            && parser.inHeaderState()
            && parser.getBeginNanoTime() != Long.MIN_VALUE
            && now - parser.getBeginNanoTime() > deadlineNanos) {
          timeOut(endPoint);
          closed++;
        }
      }
    }
    return closed;
  }

  /** Answers 408 in the sandbox's JSON shape, then closes the connection. */
  private static void timeOut(EndPoint endPoint) {
    String body =
        "{\"error\":\"request_timeout\",\"field\":\"headers\","
            + "\"message\":\"request line and headers not received in time\"}";
    String answer =
        "HTTP/1.1 408 Request Timeout\r\nContent-Type: application/json\r\nConnection: close\r\n"
            + "Content-Length: "
            + body.length()
            + "\r\n\r\n"
            + body;
    endPoint.write(
        Callback.from(endPoint::close, failed -> endPoint.close()),
        ByteBuffer.wrap(answer.getBytes(StandardCharsets.US_ASCII)));
  }
}
