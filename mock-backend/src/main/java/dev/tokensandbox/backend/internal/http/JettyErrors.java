package dev.tokensandbox.backend.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpChannelOverHttp;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnection;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's own answers in the sandbox's JSON error shape: requests it refuses before any route runs
 * (a bad request line, {@code %00} or control characters, a bad or repeated Content-Length, headers
 * or a URI over the limit, {@code Expect: 999}, an unknown HTTP version) get {@code {error, field,
 * message}} with a 4xx status instead of an HTML page.
 */
public final class JettyErrors {
  private JettyErrors() {}

  /** Renders Jetty's errors as JSON; install with {@code server.setErrorHandler}. */
  public static final class JsonErrorHandler extends ErrorHandler {
    public JsonErrorHandler() {
      setShowStacks(false);
      setShowServlet(false);
      setShowMessageInTitle(false);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
      if (HttpStatus.hasNoBody(status)) {
        return null;
      }
      fields.put(HttpHeader.CONTENT_TYPE, "application/json");
      return ByteBuffer.wrap(body(status, reason));
    }

    @Override
    public void handle(
        String target,
        Request baseRequest,
        HttpServletRequest request,
        HttpServletResponse response)
        throws IOException {
      baseRequest.setHandled(true);
      int status = response.getStatus();
      if (HttpStatus.hasNoBody(status) || response.isCommitted()) {
        return;
      }
      byte[] body;
      if (status == 405 && request.getHeader("Upgrade") != null) {
        // The WebSocket servlet refuses a handshake it cannot take (Sec-WebSocket-Version 8) as
        // "GET not supported": say what is wrong with the handshake instead.
        ApiError problem =
            ErrorMapping.handshakeProblem(request.getRequestURI(), request::getHeader);
        response.setStatus(problem.status());
        if (problem.status() == 426) {
          response.setHeader("Sec-WebSocket-Version", "13");
        }
        body = json(problem.error(), problem.field(), problem.getMessage());
      } else {
        Object message = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_MESSAGE);
        body = body(status, message == null ? null : message.toString());
      }
      response.setContentType("application/json");
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
    }
  }

  /** {@code {error, field, message}} for a status Jetty chose, naming what was wrong. */
  static byte[] body(int status, String reason) {
    return json(code(status), field(status, reason), message(status, reason));
  }

  /**
   * A whole HTTP/1.1 answer in the sandbox's JSON shape, written straight to a connection (before
   * or instead of a request): {@code Connection: close}, then {@code headers} (each ending in
   * CRLF).
   */
  static java.nio.ByteBuffer rawAnswer(
      int status, String reason, String headers, String error, String field, String message) {
    byte[] body = json(error, field, message);
    byte[] head =
        ("HTTP/1.1 "
                + status
                + " "
                + reason
                + "\r\nContent-Type: application/json\r\nConnection: close\r\n"
                + headers
                + "Content-Length: "
                + body.length
                + "\r\n\r\n")
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    return java.nio.ByteBuffer.allocate(head.length + body.length).put(head).put(body).flip();
  }

  private static byte[] json(String error, String field, String message) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("error", error);
    out.put("field", field);
    out.put("message", message);
    try {
      return Http.JSON.writeValueAsBytes(out);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String code(int status) {
    return switch (status) {
      case 400 -> "bad_request";
      case 408 -> "request_timeout";
      case 411 -> "length_required";
      case 413 -> "payload_too_large";
      case 414 -> "uri_too_long";
      case 417 -> "expectation_failed";
      case 426 -> "upgrade_required";
      case 431 -> "headers_too_large";
      default -> "http_" + status;
    };
  }

  private static String field(int status, String reason) {
    String r = reason == null ? "" : reason.toLowerCase(java.util.Locale.ROOT);
    if (status == 414 || r.contains("uri") || r.contains("path")) {
      return "uri";
    }
    if (r.contains("content-length") || r.contains("content length")) {
      return "Content-Length";
    }
    if (status == 417) {
      return "Expect";
    }
    if (r.contains("host")) {
      return "Host";
    }
    if (status == 426 || r.contains("version")) {
      return "version";
    }
    if (status == 431 || r.contains("header")) {
      return "headers";
    }
    return "request";
  }

  private static String message(int status, String reason) {
    String what = reason == null || reason.isBlank() ? HttpStatus.getMessage(status) : reason;
    return switch (status) {
      case 414 -> "request URI too long";
      case 417 -> "unsupported Expect header: only 100-continue is understood";
      case 426 -> "HTTP/2 and later are not served here: use HTTP/1.1";
      case 431 -> "request headers too large";
      default -> "the request could not be read: " + clip(what);
    };
  }

  private static String clip(String s) {
    String line = s.lines().findFirst().orElse("");
    return line.length() > 120 ? line.substring(0, 120) + "…" : line;
  }

  /**
   * HTTP/1.1 connections whose unreadable requests are answered 4xx: Jetty answers a request line
   * with a version it cannot read (garbage, or {@code HTTP/9.9}) with 505, a server error; for the
   * sandbox it is the client's mistake, so it is 400 naming the version.
   */
  public static final class ConnectionFactory extends HttpConnectionFactory {
    private final ConnectionCap cap;

    /** Connections beyond {@code cap} are answered 503 and closed. */
    public ConnectionFactory(HttpConfiguration config, ConnectionCap cap) {
      super(config);
      this.cap = cap;
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
      return cap.admit(endPoint, () -> httpConnection(connector, endPoint));
    }

    private Connection httpConnection(Connector connector, EndPoint endPoint) {
      HttpConnection connection =
          new HttpConnection(
              getHttpConfiguration(), connector, endPoint, isRecordHttpComplianceViolations()) {
            @Override
            protected HttpChannelOverHttp newHttpChannel() {
              return new HttpChannelOverHttp(
                  this, getConnector(), getHttpConfiguration(), getEndPoint(), this) {
                @Override
                public void badMessage(BadMessageException failure) {
                  super.badMessage(
                      failure.getCode() == HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505
                          ? new BadMessageException(
                              HttpStatus.BAD_REQUEST_400,
                              "unknown HTTP version: only HTTP/1.0 and HTTP/1.1 are served",
                              failure)
                          : failure);
                }
              };
            }
          };
      connection.setUseInputDirectByteBuffers(isUseInputDirectByteBuffers());
      connection.setUseOutputDirectByteBuffers(isUseOutputDirectByteBuffers());
      return configure(connection, connector, endPoint);
    }
  }
}
