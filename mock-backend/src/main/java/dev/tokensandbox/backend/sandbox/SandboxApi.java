package dev.tokensandbox.backend.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokensandbox.backend.clock.SandboxTime;
import dev.tokensandbox.backend.faults.Fault;
import dev.tokensandbox.backend.faults.FaultInjector;
import dev.tokensandbox.backend.faults.FaultPlan;
import dev.tokensandbox.backend.faults.FaultRule;
import dev.tokensandbox.backend.http.ApiError;
import dev.tokensandbox.backend.http.Http;
import dev.tokensandbox.backend.http.Routes;
import dev.tokensandbox.backend.http.ServerSettings;
import dev.tokensandbox.backend.mint.TokenMint;
import dev.tokensandbox.backend.traffic.TrafficJournal;
import dev.tokensandbox.backend.workspace.Workspace;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The sandbox's own API under {@code /sandbox/}: health, workspace (secrets redacted), settings,
 * fault plan, traffic journal (JSON and a live SSE stream), clock and issued-token history. The
 * desktop and scripts use the same operations.
 */
public final class SandboxApi {
  private final Workspace workspace;
  private final ServerSettings settings;
  private final FaultInjector faults;
  private final TrafficJournal journal;
  private final SandboxTime time;
  private final TokenMint mint;
  private final Supplier<Map<String, Object>> endpoints;

  public SandboxApi(
      Workspace workspace,
      ServerSettings settings,
      FaultInjector faults,
      TrafficJournal journal,
      SandboxTime time,
      TokenMint mint,
      Supplier<Map<String, Object>> endpoints) {
    this.workspace = workspace;
    this.settings = settings;
    this.faults = faults;
    this.journal = journal;
    this.time = time;
    this.mint = mint;
    this.endpoints = endpoints;
  }

  public void register(Routes routes, Javalin app) {
    routes.get(
        "sandbox.health",
        "/sandbox/health",
        ctx -> {
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("status", "ok");
          out.putAll(endpoints.get());
          Http.json(ctx, 200, out);
        });
    routes.get(
        "sandbox.workspace", "/sandbox/workspace", ctx -> Http.json(ctx, 200, workspaceView()));
    routes.get("sandbox.settings", "/sandbox/settings", ctx -> Http.json(ctx, 200, settingsView()));
    routes.put("sandbox.settings", "/sandbox/settings", this::putSettings);
    routes.get("sandbox.faults", "/sandbox/faults", ctx -> Http.json(ctx, 200, faults.plan()));
    routes.put("sandbox.faults", "/sandbox/faults", this::putFaults);
    routes.delete(
        "sandbox.faults",
        "/sandbox/faults",
        ctx -> {
          faults.clear();
          Http.json(ctx, 200, faults.plan());
        });
    routes.get(
        "sandbox.journal",
        "/sandbox/journal",
        ctx -> {
          int limit = Http.queryLong(ctx, "limit", 100, 1, journal.capacity()).intValue();
          Http.json(
              ctx,
              200,
              Map.of(
                  "capacity",
                  journal.capacity(),
                  "dropped",
                  journal.dropped(),
                  "entries",
                  journal.latest(limit)));
        });
    routes.delete(
        "sandbox.journal",
        "/sandbox/journal",
        ctx -> {
          journal.clear();
          Http.json(ctx, 200, Map.of("cleared", true));
        });
    routes.declare("GET", "/sandbox/journal/stream");
    app.sse(
        "/sandbox/journal/stream",
        client -> {
          client.keepAlive();
          client.ctx().req().getAsyncContext().setTimeout(0); // a live stream has no deadline
          // Delivered on the events executor: a reader that stops reading blocks its own delivery
          // (until the idle timeout ends it), never a request; what it missed arrives as a gap.
          Runnable unsubscribe =
              journal.subscribe(
                  entry -> client.sendEvent("journal", entry),
                  skipped -> client.sendEvent("gap", Map.of("skipped", skipped)));
          client.onClose(unsubscribe);
          // Tells the client it is subscribed: every later request arrives as a "journal" event.
          client.sendEvent("connected", Map.of("capacity", journal.capacity()));
        });
    routes.get("sandbox.clock", "/sandbox/clock", ctx -> Http.json(ctx, 200, clockView()));
    routes.put("sandbox.clock", "/sandbox/clock", this::putClock);
    routes.get(
        "sandbox.tokens",
        "/sandbox/tokens",
        ctx -> Http.json(ctx, 200, Map.of("tokens", mint.history())));
  }

  private Map<String, Object> workspaceView() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("appId", workspace.appId());
    out.put("appCertificate", masked(workspace.appCertificate()));
    out.put("ringnityApiKey", masked(workspace.ringnityApiKey()));
    out.put("chatsdkApiKey", masked(workspace.chatsdkApiKey()));
    out.put("chatsdkJwtSecret", masked(workspace.chatsdkJwtSecret()));
    out.put("ringnityJwtSecret", masked(workspace.ringnityJwtSecret()));
    return out;
  }

  /** Shows that a secret exists and which one it is (last 4), never the secret. */
  static String masked(String secret) {
    return secret == null
        ? null
        : "…" + secret.substring(Math.max(0, secret.length() - 4)) + " (redacted)";
  }

  private Map<String, Object> settingsView() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("demoMode", settings.demoMode());
    out.put("ginLegacyTokens", settings.ginLegacyTokens());
    out.put("demoUsers", settings.demoUsers());
    return out;
  }

  private void putSettings(Context ctx) {
    JsonNode body = Http.objectBody(ctx);
    if (body.has("demoMode")) {
      settings.setDemoMode(bool(body, "demoMode"));
    }
    if (body.has("ginLegacyTokens")) {
      settings.setGinLegacyTokens(bool(body, "ginLegacyTokens"));
    }
    if (body.has("demoUsers")) {
      settings.setDemoUsers(bool(body, "demoUsers"));
    }
    Http.json(ctx, 200, settingsView());
  }

  private void putFaults(Context ctx) {
    JsonNode body = Http.objectBody(ctx);
    JsonNode rules = body.path("rules");
    if (!rules.isArray()) {
      throw ApiError.badRequest("rules", "must be an array of {route, fault, value, probability}");
    }
    List<FaultRule> parsed = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      parsed.add(rule(rules.get(i), "rules[" + i + "]"));
    }
    JsonNode seed = body.path("seed");
    if (!seed.isMissingNode() && !seed.isIntegralNumber()) {
      throw ApiError.badRequest("seed", "must be an integer");
    }
    faults.setPlan(new FaultPlan(seed.asLong(0), parsed));
    Http.json(ctx, 200, faults.plan());
  }

  private static FaultRule rule(JsonNode node, String path) {
    if (!node.isObject()) {
      throw ApiError.badRequest(path, "must be an object {route, fault, value, probability}");
    }
    String faultName = Http.text(node, "fault", 32);
    Fault fault;
    try {
      fault = Fault.valueOf(faultName == null ? "" : faultName.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest(path + ".fault", "must be one of " + List.of(Fault.values()));
    }
    String route = Http.text(node, "route", 64);
    String device = Http.text(node, "device", 64);
    Integer value = Http.integer(node, "value", -604_800, 604_800);
    JsonNode probability = node.path("probability");
    if (!probability.isMissingNode() && !probability.isNumber()) {
      throw ApiError.badRequest(path + ".probability", "must be a number in (0, 1]");
    }
    try {
      return new FaultRule(
          route == null ? "*" : route,
          fault,
          value == null ? 0 : value,
          probability.asDouble(1.0),
          device);
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      int colon = message.indexOf(": ");
      throw ApiError.badRequest(
          path + "." + message.substring(0, Math.max(0, colon)), message.substring(colon + 2));
    }
  }

  private Map<String, Object> clockView() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("now", time.instant().toString());
    out.put("offsetSeconds", time.offset().toSeconds());
    out.put("speed", time.speed());
    return out;
  }

  private void putClock(Context ctx) {
    JsonNode body = Http.objectBody(ctx);
    if (body.path("reset").asBoolean(false)) {
      time.reset();
    }
    Integer offset = Http.integer(body, "offsetSeconds", -30L * 86_400, 30L * 86_400);
    if (offset != null) {
      time.setOffset(Duration.ofSeconds(offset));
    }
    JsonNode speed = body.path("speed");
    if (!speed.isMissingNode()) {
      if (!speed.isNumber() || speed.asDouble() < 0 || speed.asDouble() > 10_000) {
        throw ApiError.badRequest("speed", "must be a number in 0..10000");
      }
      time.setSpeed(speed.asDouble());
    }
    Http.json(ctx, 200, clockView());
  }

  private static boolean bool(JsonNode body, String field) {
    if (!body.get(field).isBoolean()) {
      throw ApiError.badRequest(field, "must be true or false");
    }
    return body.get(field).asBoolean();
  }
}
