package dev.tokensandbox.backend.internal.http;

import dev.tokensandbox.backend.internal.faults.FaultDecision;
import io.javalin.http.Context;

/** What the sandbox attaches to each request: its route id and the faults drawn for it. */
public final class RouteContext {
  static final String ROUTE = "sandbox.route";
  static final String FAULTS = "sandbox.faults";

  /** The status the journal records when it differs from the one sent (a dropped answer: 499). */
  static final String JOURNAL_STATUS = "sandbox.journalStatus";

  private RouteContext() {}

  public static String route(Context ctx) {
    String route = ctx.attribute(ROUTE);
    return route == null ? "unknown" : route;
  }

  /** The status to journal: the one sent, unless the answer was dropped on purpose. */
  public static int journalStatus(Context ctx) {
    Integer status = ctx.attribute(JOURNAL_STATUS);
    return status != null ? status : ctx.statusCode();
  }

  public static FaultDecision faults(Context ctx) {
    FaultDecision faults = ctx.attribute(FAULTS);
    return faults == null ? FaultDecision.NONE : faults;
  }
}
