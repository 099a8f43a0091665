package dev.tokensandbox.backend.server;

import dev.tokensandbox.backend.faults.Fault;
import dev.tokensandbox.backend.faults.FaultDecision;
import dev.tokensandbox.backend.faults.FaultInjector;
import dev.tokensandbox.backend.faults.FaultRule;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Request;

/**
 * Registers routes under stable ids and runs each request through the fault plan first: latency
 * delays the handler on a scheduler (never a sleeping thread); status, malformed JSON, empty body
 * and connection reset replace the answer; token and provider faults are left for the handler.
 */
public final class Routes {
  private final Javalin app;
  private final FaultInjector faults;
  private final Executor executor;

  public Routes(Javalin app, FaultInjector faults, Executor executor) {
    this.app = app;
    this.faults = faults;
    this.executor = executor;
  }

  private static final String IN_FUTURE = "sandbox.inFuture";
  private static final String DEFERRED = "sandbox.deferred";

  /**
   * Finishes the request when {@code work} completes, without holding a worker thread meanwhile
   * (for handlers that wait on another service). Failures go to the usual error mapping.
   */
  public static void defer(Context ctx, CompletableFuture<?> work) {
    if (Boolean.TRUE.equals(ctx.attribute(IN_FUTURE))) {
      ctx.attribute(DEFERRED, work); // a latency fault already made this request asynchronous
    } else {
      ctx.future(() -> work);
    }
  }

  public void get(String id, String path, Handler handler) {
    app.addHttpHandler(HandlerType.GET, path, wrap(id, handler));
  }

  public void post(String id, String path, Handler handler) {
    app.addHttpHandler(HandlerType.POST, path, wrap(id, handler));
  }

  public void put(String id, String path, Handler handler) {
    app.addHttpHandler(HandlerType.PUT, path, wrap(id, handler));
  }

  public void delete(String id, String path, Handler handler) {
    app.addHttpHandler(HandlerType.DELETE, path, wrap(id, handler));
  }

  private Handler wrap(String id, Handler handler) {
    boolean faultable = !id.startsWith("sandbox.");
    return ctx -> {
      ctx.attribute(RouteContext.ROUTE, id);
      FaultDecision decision =
          faultable ? faults.decide(id, ctx.header("X-Sandbox-Device")) : FaultDecision.NONE;
      ctx.attribute(RouteContext.FAULTS, decision);
      if (decision.latencyMillis() > 0) {
        Executor delayed =
            CompletableFuture.delayedExecutor(
                decision.latencyMillis(), TimeUnit.MILLISECONDS, executor);
        ctx.attribute(IN_FUTURE, true);
        ctx.future(
            () ->
                CompletableFuture.runAsync(
                        () -> {
                          try {
                            answer(ctx, decision, handler);
                          } catch (Exception e) {
                            throw new CompletionException(e);
                          }
                        },
                        delayed)
                    .thenCompose(
                        done -> {
                          CompletableFuture<?> deferred = ctx.attribute(DEFERRED);
                          return deferred == null
                              ? CompletableFuture.completedFuture(null)
                              : deferred;
                        }));
      } else {
        answer(ctx, decision, handler);
      }
    };
  }

  private static void answer(Context ctx, FaultDecision decision, Handler handler)
      throws Exception {
    FaultRule terminal = decision.terminal().orElse(null);
    if (terminal == null) {
      handler.handle(ctx);
      return;
    }
    switch (terminal.fault()) {
      case STATUS ->
          Http.json(
              ctx,
              terminal.value(),
              Map.of(
                  "error",
                  "injected_fault",
                  "message",
                  "fault plan: this route answers " + terminal.value()));
      case MALFORMED_JSON -> {
        ctx.status(200).contentType("application/json").result("{\"token\": \"007eJx");
        ctx.attribute(Http.BODY, "{\"token\": \"007eJx");
      }
      case EMPTY_BODY -> ctx.status(200).result("");
      case CONNECTION_RESET -> reset(ctx);
      default -> throw new IllegalStateException("not a terminal fault: " + terminal.fault());
    }
  }

  /**
   * Drops the connection in the middle of the answer: the status line, the headers and the first
   * bytes of the body go out, then the exchange is aborted. Dropping it only after the answer began
   * keeps the fault visible to clients that retry requests on a dead pooled connection (OkHttp
   * does, and the project's clients rely on it after the server closed an idle connection): a retry
   * is only safe before any answer arrived, so none of them retries this one and the user sees the
   * injected failure exactly once. The journal records it as 499.
   */
  private static void reset(Context ctx) throws IOException {
    ctx.attribute(RouteContext.JOURNAL_STATUS, 499);
    ctx.status(200).contentType("application/json");
    ctx.res().setContentLength(RESET_ANSWER_LENGTH);
    ctx.res().getOutputStream().write(RESET_ANSWER_START);
    ctx.res().flushBuffer();
    Request.getBaseRequest(ctx.req())
        .getHttpChannel()
        .abort(new IOException("fault plan: connection reset"));
  }

  private static final byte[] RESET_ANSWER_START =
      "{\"token\": \"007eJx".getBytes(java.nio.charset.StandardCharsets.UTF_8);
  private static final int RESET_ANSWER_LENGTH = 512;

  /** True when {@code fault} was drawn for this request. */
  public static boolean has(Context ctx, Fault fault) {
    return RouteContext.faults(ctx).has(fault);
  }
}
