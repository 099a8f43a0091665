package dev.tokensandbox.backend.internal.http;

import dev.tokensandbox.backend.tokens.InvalidTokenRequestException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.concurrent.CompletionException;

/**
 * The one place exceptions become answers: typed errors → their 4xx/5xx JSON {@code {error, field,
 * message}}, unknown routes → 404 JSON, anything unexpected → 500 JSON without a stack trace.
 */
public final class ErrorMapping {
  private ErrorMapping() {}

  /** Methods of HTTP/1.1 (RFC 9110, plus PATCH); anything else is 501. */
  private static final java.util.Set<String> STANDARD_METHODS =
      java.util.Set.of(
          "GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");

  public static void install(Javalin app, Routes routes) {
    app.exception(ApiError.class, (e, ctx) -> Http.error(ctx, e));
    app.exception(
        InvalidTokenRequestException.class,
        (e, ctx) -> Http.error(ctx, ApiError.badRequest(e.field(), e.rule())));
    app.exception(
        HttpResponseException.class,
        (e, ctx) -> {
          if (e.getStatus() == 404) {
            noRoute(ctx, routes); // Javalin's own "Endpoint … not found", e.g. for a BREW request
          } else {
            Http.error(
                ctx, new ApiError(e.getStatus(), "http_" + e.getStatus(), null, e.getMessage()));
          }
        });
    app.exception(CompletionException.class, (e, ctx) -> unwrap(e.getCause(), ctx));
    app.exception(Exception.class, (e, ctx) -> unwrap(e, ctx));
    app.error(
        404,
        ctx -> {
          if (ctx.attribute(Http.BODY) == null) {
            noRoute(ctx, routes);
          }
        });
    app.error(
        413,
        ctx ->
            Http.error(
                ctx,
                new ApiError(
                    413,
                    "payload_too_large",
                    "body",
                    "request body over " + Http.MAX_REQUEST_BYTES + " bytes")));
  }

  /**
   * No route for this method and path: 501 for a method HTTP does not define, 405 with {@code
   * Allow} when the path is served with other methods, else 404.
   */
  private static void noRoute(Context ctx, Routes routes) {
    String method = ctx.req().getMethod();
    if (!STANDARD_METHODS.contains(method)) {
      Http.error(
          ctx,
          new ApiError(
              501,
              "not_implemented",
              "method",
              Echo.method(method)
                  .map(m -> "method " + m + " is not an HTTP method")
                  .orElse("the method sent is not an HTTP method (not shown: not a method name)")));
      return;
    }
    java.util.Set<String> allowed = routes.methodsFor(ctx.path());
    if (allowed.contains(method)) {
      // Declared for this method yet unanswered: a WebSocket path whose handshake was refused.
      ApiError problem = handshakeProblem(ctx.path(), ctx::header);
      if (problem.status() == 426) {
        ctx.header("Sec-WebSocket-Version", "13");
      }
      Http.error(ctx, problem);
      return;
    }
    if (!allowed.isEmpty()) {
      String allow = String.join(", ", allowed);
      ctx.header("Allow", allow);
      Http.error(
          ctx,
          new ApiError(
              405,
              "method_not_allowed",
              "method",
              ctx.path() + " answers " + allow + ", not " + method));
      return;
    }
    Http.error(
        ctx,
        new ApiError(
            404,
            "not_found",
            null,
            "no route "
                + method
                + " "
                + ctx.path()
                + " (GET /sandbox/health lists the base URLs)"));
  }

  /**
   * What is wrong with a refused WebSocket handshake to {@code path}, naming the header (RFC 6455
   * §4.2.1, §4.4); {@code header} looks a request header up. A 426 is to be sent with {@code
   * Sec-WebSocket-Version: 13}.
   */
  static ApiError handshakeProblem(String path, java.util.function.UnaryOperator<String> header) {
    String upgrade = header.apply("Upgrade");
    if (upgrade == null || !upgrade.toLowerCase(java.util.Locale.ROOT).contains("websocket")) {
      return new ApiError(
          400,
          "bad_request",
          "Upgrade",
          path + " is a WebSocket: connect with a WebSocket client (Upgrade: websocket)");
    }
    if (!"13".equals(header.apply("Sec-WebSocket-Version"))) {
      return new ApiError(
          426, "upgrade_required", "Sec-WebSocket-Version", "must be 13 (RFC 6455)");
    }
    if (header.apply("Sec-WebSocket-Key") == null) {
      return new ApiError(
          400, "bad_request", "Sec-WebSocket-Key", "is required for a WebSocket handshake");
    }
    return new ApiError(
        400, "bad_request", "Connection", "must include Upgrade for a WebSocket handshake");
  }

  private static void unwrap(Throwable e, Context ctx) {
    if (e instanceof ApiError api) {
      Http.error(ctx, api);
    } else if (e instanceof InvalidTokenRequestException bad) {
      Http.error(ctx, ApiError.badRequest(bad.field(), bad.rule()));
    } else {
      // A bug: answer without internals; the journal records the status.
      Http.error(
          ctx,
          new ApiError(
              500,
              "internal_error",
              null,
              "the sandbox failed to answer ("
                  + (e == null ? "unknown" : e.getClass().getSimpleName())
                  + ")"));
    }
  }
}
