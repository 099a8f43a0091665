package dev.tokensandbox.backend.server;

import dev.tokensandbox.backend.tokens.InvalidTokenRequestException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.concurrent.CompletionException;

/**
 * The one place exceptions become answers: typed errors → their 4xx/5xx JSON {@code {error, field,
 * message}}, unknown routes → 404 JSON, anything unexpected → 500 JSON without a stack trace.
 */
final class ErrorMapping {
  private ErrorMapping() {}

  static void install(Javalin app) {
    app.exception(ApiError.class, (e, ctx) -> Http.error(ctx, e));
    app.exception(
        InvalidTokenRequestException.class,
        (e, ctx) -> Http.error(ctx, ApiError.badRequest(e.field(), e.rule())));
    app.exception(
        HttpResponseException.class,
        (e, ctx) ->
            Http.error(
                ctx, new ApiError(e.getStatus(), "http_" + e.getStatus(), null, e.getMessage())));
    app.exception(CompletionException.class, (e, ctx) -> unwrap(e.getCause(), ctx));
    app.exception(Exception.class, (e, ctx) -> unwrap(e, ctx));
    app.error(
        404,
        ctx -> {
          if (ctx.attribute(Http.BODY) == null) {
            Http.error(
                ctx,
                new ApiError(
                    404,
                    "not_found",
                    null,
                    "no route "
                        + ctx.method()
                        + " "
                        + ctx.path()
                        + " (GET /sandbox/health lists the base URLs)"));
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
                    "request body over " + SandboxServer.MAX_REQUEST_BYTES + " bytes")));
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
