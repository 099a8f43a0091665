package dev.tokensandbox.backend.internal.http;

import io.javalin.websocket.WsContext;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.api.WriteCallback;

/**
 * Sends WebSocket messages without blocking the sender (a request thread posting a device command,
 * a connect handler): Jetty queues the frame and writes it when the socket accepts it. A peer that
 * stops reading lets at most {@link #MAX_QUEUED} frames wait; past that the send fails and the
 * session is closed with 1013 (try again later), so the peer reconnects instead of silently missing
 * messages.
 */
public final class WsOut {
  /** Frames that may wait for a peer that is not reading. */
  public static final int MAX_QUEUED = 64;

  /** Close code for a connect request the sandbox refuses as malformed (a repeated parameter). */
  public static final int CLOSE_BAD_REQUEST = 4000;

  private WsOut() {}

  /**
   * Closes {@code ctx} with {@link #CLOSE_BAD_REQUEST} if a query parameter is given more than once
   * (as HTTP routes answer 400), naming it; true if it did.
   */
  public static boolean refusedRepeatedParameter(WsContext ctx) {
    java.util.Optional<ApiError> problem = Routes.repeated(ctx.queryParamMap());
    problem.ifPresent(
        p ->
            ctx.closeSession(
                CLOSE_BAD_REQUEST, "bad_request: " + p.field() + ": " + p.getMessage()));
    return problem.isPresent();
  }

  /** Bounds the session's outgoing queue; call once when it connects. */
  public static void bound(WsContext ctx) {
    ctx.session.getRemote().setMaxOutgoingFrames(MAX_QUEUED);
  }

  /** Queues {@code text}; never blocks. */
  public static void send(WsContext ctx, String text) {
    ctx.session
        .getRemote()
        .sendString(
            text,
            new WriteCallback() {
              @Override
              public void writeFailed(Throwable x) {
                if (ctx.session.isOpen()) {
                  ctx.session.close(StatusCode.TRY_AGAIN_LATER, "too slow: messages were not read");
                }
              }
            });
  }
}
