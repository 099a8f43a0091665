package dev.tokensandbox.backend.internal.http;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads every request body completely before a route runs, without holding a thread while the bytes
 * arrive: non-blocking servlet reads into a buffer capped at {@link Http#MAX_REQUEST_BYTES}.
 *
 * <ul>
 *   <li>a body over the cap is refused with 413 as soon as the cap is passed, whether it announced
 *       its length or came chunked, and the connection is closed instead of reading the rest;
 *   <li>a body that takes longer than the deadline is answered 408: a client trickling a byte every
 *       few seconds holds a connection, never a request thread, and only until the deadline;
 *   <li>a body that cannot be read (bad chunk size, oversized trailers, the client gone) is
 *       answered 400 before any route ran, so an unreadable request has no side effect.
 * </ul>
 *
 * Requests without a body go straight to the routes. Answers use the sandbox's {@code {error,
 * field, message}} shape.
 */
public final class BodyReader implements Filter {
  private static final int CHUNK = 4096;

  private final long maxBytes;
  private final Duration deadline;

  public BodyReader(long maxBytes, Duration deadline) {
    this.maxBytes = maxBytes;
    this.deadline = deadline;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest req = (HttpServletRequest) request;
    HttpServletResponse res = (HttpServletResponse) response;
    long length = req.getContentLengthLong();
    boolean chunked = req.getHeader("Transfer-Encoding") != null;
    if ((length <= 0 && !chunked) || req.getHeader("Sec-WebSocket-Key") != null) {
      chain.doFilter(request, response);
      return;
    }
    if (length > maxBytes) {
      refuse(res, 413, "payload_too_large", "request body over " + maxBytes + " bytes");
      return;
    }
    Buffered buffered = new Buffered(req);
    AsyncContext async = req.startAsync(buffered, res);
    async.setTimeout(deadline.toMillis());
    Reading reading = new Reading(req.getInputStream(), buffered, async, res);
    async.addListener(reading);
    req.getInputStream().setReadListener(reading);
  }

  /** Writes a JSON error and asks Jetty to close the connection (the body may be half read). */
  static void refuse(HttpServletResponse res, int status, String error, String message)
      throws IOException {
    refuse(res, status, error, "body", message);
  }

  /** Writes a JSON error naming {@code field} and asks Jetty to close the connection. */
  static void refuse(
      HttpServletResponse res, int status, String error, String field, String message)
      throws IOException {
    if (res.isCommitted()) {
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("field", field);
    body.put("message", message);
    byte[] bytes = Http.JSON.writeValueAsBytes(body);
    res.reset();
    res.setStatus(status);
    res.setHeader("Connection", "close");
    res.setContentType("application/json");
    res.setContentLength(bytes.length);
    res.getOutputStream().write(bytes);
  }

  /** Reads the body as it arrives; exactly one of dispatch, 413, 408 or 400 ends it. */
  private final class Reading implements ReadListener, AsyncListener {
    private final ServletInputStream in;
    private final Buffered buffered;
    private final AsyncContext async;
    private final HttpServletResponse res;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final byte[] chunk = new byte[CHUNK];
    private final AtomicBoolean ended = new AtomicBoolean();

    Reading(ServletInputStream in, Buffered buffered, AsyncContext async, HttpServletResponse res) {
      this.in = in;
      this.buffered = buffered;
      this.async = async;
      this.res = res;
    }

    @Override
    public void onDataAvailable() throws IOException {
      while (!ended.get() && in.isReady()) {
        int n = in.read(chunk);
        if (n < 0) {
          return; // onAllDataRead follows
        }
        if (out.size() + (long) n > maxBytes) {
          end(413, "payload_too_large", "request body over " + maxBytes + " bytes");
          return;
        }
        out.write(chunk, 0, n);
      }
    }

    @Override
    public void onAllDataRead() {
      if (ended.compareAndSet(false, true)) {
        buffered.body = out.toByteArray();
        async.dispatch(); // the routes run with the whole body in memory
      }
    }

    @Override
    public void onError(Throwable t) {
      if (t instanceof TimeoutException) {
        end(408, "request_timeout", "request body not received within " + seconds());
      } else {
        end(400, "bad_request", "request body could not be read (" + describe(t) + ")");
      }
    }

    @Override
    public void onTimeout(AsyncEvent event) {
      end(408, "request_timeout", "request body not received within " + seconds());
    }

    @Override
    public void onError(AsyncEvent event) {
      onError(event.getThrowable());
    }

    @Override
    public void onComplete(AsyncEvent event) {}

    @Override
    public void onStartAsync(AsyncEvent event) {}

    private void end(int status, String error, String message) {
      if (!ended.compareAndSet(false, true)) {
        return;
      }
      try {
        refuse(res, status, error, message);
      } catch (IOException | RuntimeException e) {
        // The client is gone; nothing to answer.
      } finally {
        try {
          async.complete();
        } catch (IllegalStateException alreadyDone) {
          // Jetty completed the exchange itself (the connection failed).
        }
      }
    }

    private String seconds() {
      return deadline.toMillis() % 1000 == 0
          ? deadline.toSeconds() + " s"
          : deadline.toMillis() + " ms";
    }
  }

  private static String describe(Throwable t) {
    String message = t == null ? null : t.getMessage();
    if (message == null || message.isBlank()) {
      return t == null ? "unknown" : t.getClass().getSimpleName();
    }
    // Jetty's messages name the framing problem ("Bad chunking", "Trailers too large"); keep them
    // short and free of the request's own bytes.
    String line = message.lines().findFirst().orElse("");
    return line.length() > 80 ? line.substring(0, 80) + "…" : line;
  }

  /** The request with its body already in memory. */
  private static final class Buffered extends HttpServletRequestWrapper {
    private byte[] body = new byte[0];

    Buffered(HttpServletRequest request) {
      super(request);
    }

    @Override
    public ServletInputStream getInputStream() {
      return new BytesInput(body);
    }

    @Override
    public java.io.BufferedReader getReader() {
      java.nio.charset.Charset charset = StandardCharsets.UTF_8;
      String encoding = getCharacterEncoding();
      try {
        if (encoding != null) {
          charset = java.nio.charset.Charset.forName(encoding);
        }
      } catch (IllegalArgumentException unknown) {
        // read as UTF-8
      }
      return new java.io.BufferedReader(
          new java.io.InputStreamReader(new ByteArrayInputStream(body), charset));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }

  private static final class BytesInput extends ServletInputStream {
    private final ByteArrayInputStream in;

    BytesInput(byte[] body) {
      this.in = new ByteArrayInputStream(body);
    }

    @Override
    public int read() {
      return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) {
      return in.read(b, off, len);
    }

    @Override
    public boolean isFinished() {
      return in.available() == 0;
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setReadListener(ReadListener readListener) {
      throw new IllegalStateException("the body was already read");
    }
  }
}
