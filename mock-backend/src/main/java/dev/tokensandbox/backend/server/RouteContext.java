package dev.tokensandbox.backend.server;

import dev.tokensandbox.backend.faults.FaultDecision;
import io.javalin.http.Context;

/** What the sandbox attaches to each request: its route id and the faults drawn for it. */
public final class RouteContext {
  static final String ROUTE = "sandbox.route";
  static final String FAULTS = "sandbox.faults";

  private RouteContext() {}

  public static String route(Context ctx) {
    String route = ctx.attribute(ROUTE);
    return route == null ? "unknown" : route;
  }

  public static FaultDecision faults(Context ctx) {
    FaultDecision faults = ctx.attribute(FAULTS);
    return faults == null ? FaultDecision.NONE : faults;
  }
}
