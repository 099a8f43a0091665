package dev.tokensandbox.backend.internal.http;

import dev.tokensandbox.backend.internal.faults.FaultDecision;
import dev.tokensandbox.backend.internal.faults.FaultInjector;
import dev.tokensandbox.protocol.DeviceProtocol;
import dev.tokensandbox.protocol.Route;
import dev.tokensandbox.protocol.admin.Fault;
import dev.tokensandbox.protocol.admin.FaultRule;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.io.IOException;
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
  private final java.util.List<Declared> declared =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  /** A method and path template the server answers, for 405 and its {@code Allow} header. */
  private record Declared(String method, java.util.regex.Pattern path) {}

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

  /**
   * Serves {@code route} (its id, method and path from the one route table) with {@code handler}.
   */
  public void add(Route route, Handler handler) {
    add(HandlerType.valueOf(route.method()), route.id(), served(route), handler);
  }

  private void add(HandlerType type, String id, String path, Handler handler) {
    app.addHttpHandler(type, path, wrap(id, handler));
    declare(type.name(), path);
  }

  /**
   * Records a route registered on the app directly (an SSE stream, a WebSocket upgrade: both GET),
   * so a wrong method on its path is a 405 naming the right one.
   */
  public void declare(Route route) {
    declare(route.method(), served(route));
  }

  /** The template as registered: Javalin ignores a trailing slash, the seeds write one. */
  private static String served(Route route) {
    String path = route.path();
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  private void declare(String method, String path) {
    StringBuilder regex = new StringBuilder();
    for (String segment : path.split("/", -1)) {
      if (!regex.isEmpty() || !segment.isEmpty()) {
        regex.append('/');
      }
      regex.append(
          segment.startsWith("{") || segment.startsWith("<")
              ? "[^/]+"
              : java.util.regex.Pattern.quote(segment));
    }
    declared.add(new Declared(method, java.util.regex.Pattern.compile(regex + "/?")));
  }

  /** The methods some route answers on {@code path}, in a stable order; empty if none. */
  public java.util.Set<String> methodsFor(String path) {
    java.util.Set<String> methods = new java.util.TreeSet<>();
    for (Declared d : declared) {
      if (d.path().matcher(path).matches()) {
        methods.add(d.method());
      }
    }
    return methods;
  }

  private Handler wrap(String id, Handler handler) {
    boolean faultable = !id.startsWith("sandbox.");
    return ctx -> {
      ctx.attribute(RouteContext.ROUTE, id);
      onceEach(ctx);
      jsonBodiesOnly(ctx);
      FaultDecision decision =
          faultable
              ? faults.decide(id, ctx.header(DeviceProtocol.DEVICE_HEADER))
              : FaultDecision.NONE;
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

  /**
   * A query parameter given twice is refused: which value a route would read is not obvious, and a
   * QA report must not depend on it.
   */
  private static void onceEach(Context ctx) {
    if (ctx.queryString() != null) {
      java.util.Optional<ApiError> problem = repeated(ctx.queryParamMap());
      if (problem.isPresent()) {
        throw problem.get();
      }
    }
  }

  /**
   * The first query parameter of {@code params} given more than once, as the 400 naming it (the
   * same rule on HTTP routes and WebSockets).
   */
  public static java.util.Optional<ApiError> repeated(
      java.util.Map<String, java.util.List<String>> params) {
    for (java.util.Map.Entry<String, java.util.List<String>> param : params.entrySet()) {
      if (param.getValue().size() > 1) {
        return java.util.Optional.of(
            ApiError.badRequest(
                param.getKey(), "must be given once (got " + param.getValue().size() + " values)"));
      }
    }
    return java.util.Optional.empty();
  }

  /**
   * A request with a body must say it is JSON. Every route reads bodies as JSON, so without this a
   * web page could send a "simple" cross-site POST ({@code text/plain} or form-encoded, which
   * browsers send without asking) and have it obeyed: a fault installed, a device commanded. A
   * browser only sends {@code application/json} cross-site after a CORS preflight, which the admin
   * API never passes.
   */
  private static void jsonBodiesOnly(Context ctx) {
    if (ctx.req().getContentLengthLong() <= 0 && ctx.header("Transfer-Encoding") == null) {
      return; // no body: nothing to mistake for JSON
    }
    String type = ctx.header("Content-Type");
    String media =
        type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
    if (!media.equals("application/json")) {
      throw new ApiError(
          415,
          "unsupported_media_type",
          "Content-Type",
          "must be application/json for a request with a body"
              + (type == null
                  ? " (none was sent)"
                  : Echo.mediaType(type)
                      .map(sent -> ", not " + sent)
                      .orElse(" (the one sent is not shown: not a plain media type)")));
    }
  }

  private static void answer(Context ctx, FaultDecision decision, Handler handler)
      throws Exception {
    FaultRule terminal = decision.terminal().orElse(null);
    if (terminal == null) {
      try {
        handler.handle(ctx);
      } catch (OutOfMemoryError e) {
        throw e; // the launcher's -XX:+ExitOnOutOfMemoryError ends the process
      } catch (Error e) {
        // Javalin maps exceptions only: an Error (a stack overflow, a class that failed to
        // load) would be a 500 with an empty body. Answered in the JSON shape, without internals.
        throw new ApiError(
            500,
            "internal_error",
            null,
            "the sandbox failed to answer (" + e.getClass().getSimpleName() + ")");
      }
      return;
    }
    switch (terminal.fault()) {
      case STATUS ->
          Http.error(
              ctx,
              new ApiError(
                  terminal.value(),
                  "injected_fault",
                  null,
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
