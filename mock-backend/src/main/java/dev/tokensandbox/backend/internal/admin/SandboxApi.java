package dev.tokensandbox.backend.internal.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokensandbox.backend.internal.http.ApiError;
import dev.tokensandbox.backend.internal.http.Http;
import dev.tokensandbox.backend.internal.http.Routes;
import dev.tokensandbox.backend.tokens.AgoraTokenIssuer;
import dev.tokensandbox.backend.tokens.IssuedToken;
import dev.tokensandbox.backend.tokens.RtcRole;
import dev.tokensandbox.backend.tokens.RtcUser;
import dev.tokensandbox.backend.tokens.TokenOrder;
import dev.tokensandbox.backend.tokens.TokenRules;
import dev.tokensandbox.protocol.DeviceCommand;
import dev.tokensandbox.protocol.Route;
import dev.tokensandbox.protocol.admin.Fault;
import dev.tokensandbox.protocol.admin.FaultPlan;
import dev.tokensandbox.protocol.admin.FaultRule;
import dev.tokensandbox.protocol.admin.SandboxAdmin;
import dev.tokensandbox.protocol.admin.SandboxAdmin.ClockChange;
import dev.tokensandbox.protocol.admin.SandboxAdmin.ClockView;
import dev.tokensandbox.protocol.admin.SandboxAdmin.CommandArgs;
import dev.tokensandbox.protocol.admin.SandboxAdmin.CommandReceipt;
import dev.tokensandbox.protocol.admin.SandboxAdmin.JournalPage;
import dev.tokensandbox.protocol.admin.SandboxAdmin.SettingsChange;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The sandbox's own API under {@code /sandbox/}: health, workspace (secrets masked), settings,
 * fault plan, traffic journal (JSON and a live SSE stream), clock, issued-token history, paired
 * devices and their commands. A thin adapter: it reads and checks the JSON, calls {@link
 * SandboxAdmin} and writes the answer; the rules live behind the interface.
 */
public final class SandboxApi {
  /** Journal streams (SSE) open at once, at most: each may hold {@link #STREAM_QUEUE} entries. */
  public static final int MAX_STREAMS = 8;

  /** Entries that may wait for one stream's reader before newer ones become a gap. */
  public static final int STREAM_QUEUE = 256;

  private final java.util.concurrent.atomic.AtomicInteger streams =
      new java.util.concurrent.atomic.AtomicInteger();
  private final LocalAdmin admin;
  private final int journalCapacity;
  private final int journalAnswerBytes;
  private final Supplier<Map<String, Object>> endpoints;

  public SandboxApi(LocalAdmin admin, Supplier<Map<String, Object>> endpoints) {
    this(admin, endpoints, MAX_JOURNAL_ANSWER_BYTES);
  }

  /** {@code journalAnswerBytes}: the byte budget of one journal answer (tests change it). */
  public SandboxApi(
      LocalAdmin admin, Supplier<Map<String, Object>> endpoints, int journalAnswerBytes) {
    this.admin = admin;
    this.journalCapacity = admin.journal(1).capacity();
    this.journalAnswerBytes = journalAnswerBytes;
    this.endpoints = endpoints;
  }

  public void register(Routes routes, Javalin app) {
    routes.add(
        Route.SANDBOX_HEALTH,
        ctx -> {
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("status", "ok");
          out.putAll(endpoints.get());
          Http.json(ctx, 200, out);
        });
    routes.add(Route.SANDBOX_WORKSPACE, ctx -> Http.json(ctx, 200, workspace()));
    routes.add(Route.SANDBOX_SETTINGS, ctx -> Http.json(ctx, 200, admin.settings()));
    routes.add(Route.SANDBOX_SETTINGS_PUT, this::putSettings);
    routes.add(Route.SANDBOX_FAULTS, ctx -> Http.json(ctx, 200, admin.faults()));
    routes.add(Route.SANDBOX_FAULTS_PUT, this::putFaults);
    routes.add(Route.SANDBOX_FAULTS_DELETE, ctx -> Http.json(ctx, 200, admin.clearFaults()));
    routes.add(
        Route.SANDBOX_JOURNAL,
        ctx -> {
          int limit = Http.queryLong(ctx, "limit", 100, 1, journalCapacity).intValue();
          journalPage(ctx, admin.journal(limit), journalAnswerBytes);
        });
    routes.add(
        Route.SANDBOX_JOURNAL_DELETE,
        ctx -> {
          admin.clearJournal();
          Http.json(ctx, 200, Map.of("cleared", true));
        });
    stream(
        routes,
        app,
        Route.SANDBOX_JOURNAL_STREAM,
        client -> {
          // Every later request arrives as a "journal" event.
          return admin.subscribeJournal(
              entry -> client.sendEvent("journal", entry),
              skipped -> client.sendEvent("gap", Map.of("skipped", skipped)),
              STREAM_QUEUE);
        },
        Map.<String, Object>of("capacity", journalCapacity));
    routes.add(Route.SANDBOX_CLOCK, ctx -> Http.json(ctx, 200, clock(admin.clock())));
    routes.add(Route.SANDBOX_CLOCK_PUT, this::putClock);
    routes.add(Route.SANDBOX_TOKENS, ctx -> Http.json(ctx, 200, Map.of("tokens", admin.tokens())));
    routes.add(Route.SANDBOX_TOKENS_POST, this::buildToken);
    routes.add(
        Route.SANDBOX_DEVICES, ctx -> Http.json(ctx, 200, Map.of("devices", admin.devices())));
    routes.add(Route.SANDBOX_DEVICE_COMMANDS, this::command);
    stream(
        routes,
        app,
        Route.SANDBOX_DEVICES_STREAM,
        client -> {
          // Every later change of a paired device arrives as a "device" event.
          return admin.subscribeDevices(
              device -> client.sendEvent("device", device),
              skipped -> client.sendEvent("gap", Map.of("skipped", skipped)),
              STREAM_QUEUE);
        },
        Map.of());
  }

  /**
   * An event stream at {@code route}: {@code open} subscribes the client and returns what
   * unsubscribes it; then a {@code connected} event with {@code hello} tells the client it is
   * subscribed. At most {@link #MAX_STREAMS} streams of every kind are open at once; the count is
   * taken before Javalin answers 200 and hands the stream to the handler (a count taken in the
   * handler would let a burst of readers past the cap).
   */
  private void stream(
      Routes routes,
      Javalin app,
      Route route,
      java.util.function.Function<io.javalin.http.sse.SseClient, Runnable> open,
      Map<String, Object> hello) {
    routes.declare(route);
    String path = route.path();
    app.before(
        path,
        ctx -> {
          if (ctx.method() != io.javalin.http.HandlerType.GET) {
            return; // not a stream: answered 405 (and never counted, so never leaked)
          }
          // Javalin streams only for exactly this Accept and answers anything else an empty 200
          // (which, counted, would hold a slot for good): say what the route is and how to ask.
          if (!"text/event-stream".equals(ctx.header("Accept"))) {
            throw new ApiError(
                406,
                "not_acceptable",
                "Accept",
                route.path()
                    + " is a server-sent event stream: ask with Accept: text/event-stream");
          }
          if (streams.incrementAndGet() > MAX_STREAMS) {
            streams.decrementAndGet();
            throw new ApiError(
                503,
                "too_many_streams",
                null,
                MAX_STREAMS + " event streams are open: close one (or read GET /sandbox/journal)");
          }
        });
    app.sse(
        path,
        client -> {
          client.keepAlive();
          client.ctx().req().getAsyncContext().setTimeout(0); // a live stream has no deadline
          // Delivered on the events executor: a reader that stops reading blocks its own delivery
          // (until the idle timeout ends it), never a request; what it missed arrives as a gap.
          // At most STREAM_QUEUE events wait per reader: memory is bounded by construction.
          Runnable unsubscribe;
          try {
            unsubscribe = open.apply(client);
          } catch (RuntimeException e) {
            streams.decrementAndGet(); // no stream: its slot is free again
            throw e;
          }
          client.onClose(
              () -> {
                unsubscribe.run();
                streams.decrementAndGet();
              });
          client.sendEvent("connected", hello);
        });
  }

  /**
   * {@code POST /sandbox/tokens}: any kind the official builders make ({@link TokenOrder#KINDS}),
   * with the workspace's credentials, at a fixed {@code issuedAt} (Unix seconds or ISO-8601) and
   * {@code salt} when given. Answers the token with its issue time, expiry and salt.
   */
  private void buildToken(Context ctx) {
    JsonNode body = Http.objectBody(ctx);
    String uid = Http.text(body, "uid", 10);
    String account = Http.text(body, "userAccount", 255);
    if (uid != null && !uid.isEmpty() && account != null && !account.isEmpty()) {
      throw ApiError.badRequest("uid", "give a uid or a userAccount, not both");
    }
    RtcUser user =
        account != null && !account.isEmpty()
            ? RtcUser.account(account)
            : uid == null ? null : RtcUser.uid(TokenRules.uid("uid", uid));
    String role = Http.text(body, "role", 16);
    Integer apaasRole = Http.integer(body, "apaasRole", Short.MIN_VALUE, Short.MAX_VALUE);
    Integer expire = Http.integer(body, "expireSeconds", 1, TokenRules.MAX_EXPIRE_SECONDS);
    Long saltValue = null;
    JsonNode saltNode = body.get("salt");
    if (saltNode != null && !saltNode.isNull()) {
      if (!saltNode.isIntegralNumber()
          || saltNode.asLong() < 1
          || saltNode.asLong() > AgoraTokenIssuer.MAX_SALT) {
        throw ApiError.badRequest("salt", "must be an integer in 1..4294967295");
      }
      saltValue = saltNode.asLong();
    }
    TokenOrder order =
        new TokenOrder(
            Http.text(body, "kind", 16),
            Http.text(body, "channelName", 64),
            user,
            role == null ? null : RtcRole.parse("role", role),
            expire == null ? 3600 : expire,
            Http.integer(body, "privilegeExpireSeconds", 1, TokenRules.MAX_EXPIRE_SECONDS),
            Http.text(body, "userId", 255),
            Http.integer(body, "rtmExpireSeconds", 1, TokenRules.MAX_EXPIRE_SECONDS),
            Http.text(body, "roomUuid", 255),
            apaasRole == null ? null : apaasRole.shortValue(),
            issuedAt(body),
            saltValue);
    IssuedToken issued = admin.buildToken(order);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("token", issued.token());
    answer.put("kind", order.kind());
    answer.put("issuedAt", issued.issuedAt().getEpochSecond());
    answer.put("expiresAt", issued.expiresAt().getEpochSecond());
    if (issued.salt() != null) {
      answer.put("salt", issued.salt());
    }
    Http.json(ctx, 200, answer);
  }

  private static java.time.Instant issuedAt(JsonNode body) {
    JsonNode node = body.get("issuedAt");
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isIntegralNumber()
        && node.asLong() >= 0
        && node.asLong() <= AgoraTokenIssuer.MAX_SALT) {
      return java.time.Instant.ofEpochSecond(node.asLong());
    }
    if (node.isTextual()) {
      try {
        return java.time.Instant.parse(node.asText());
      } catch (java.time.format.DateTimeParseException e) {
        // falls through to the rule below
      }
    }
    throw ApiError.badRequest(
        "issuedAt", "must be Unix seconds (0..4294967295) or an ISO-8601 instant");
  }

  /** An answer of the journal holds at most this many bytes of entries (the newest that fit). */
  public static final int MAX_JOURNAL_ANSWER_BYTES = 1024 * 1024;

  /**
   * The page as JSON, the newest entries that fit in {@link #MAX_JOURNAL_ANSWER_BYTES}; {@code
   * truncated} says when older ones were left out (ask with a smaller {@code limit}, or stream).
   * Entries are written one by one, so a reader never makes the server hold a copy of the whole
   * journal twice.
   */
  private static void journalPage(Context ctx, JournalPage page, int budget) {
    List<byte[]> kept = new ArrayList<>();
    int bytes = 0;
    boolean truncated = false;
    List<dev.tokensandbox.protocol.admin.JournalEntry> entries = page.entries();
    for (int i = entries.size() - 1; i >= 0; i--) {
      byte[] json;
      try {
        json = Http.JSON.writeValueAsBytes(entries.get(i));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException("a journal entry always serialises", e);
      }
      if (bytes + json.length > budget) {
        truncated = true;
        break;
      }
      bytes += json.length;
      kept.add(json);
    }
    java.util.Collections.reverse(kept);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(bytes + 128);
    out.writeBytes(
        ("{\"capacity\":"
                + page.capacity()
                + ",\"dropped\":"
                + page.dropped()
                + ",\"truncated\":"
                + truncated
                + ",\"entries\":[")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    for (int i = 0; i < kept.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.writeBytes(kept.get(i));
    }
    out.writeBytes("]}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    ctx.status(200).contentType("application/json").result(out.toByteArray());
  }

  private Map<String, Object> workspace() {
    SandboxAdmin.WorkspaceView w = admin.workspace();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("appId", w.appId());
    out.put("appCertificate", w.appCertificate());
    out.put("ringnityApiKey", w.ringnityApiKey());
    out.put("chatsdkApiKey", w.chatsdkApiKey());
    out.put("chatsdkJwtSecret", w.chatsdkJwtSecret());
    out.put("ringnityJwtSecret", w.ringnityJwtSecret());
    return out;
  }

  private void putSettings(Context ctx) {
    JsonNode body = Http.objectBody(ctx);
    Http.json(
        ctx,
        200,
        admin.updateSettings(
            new SettingsChange(
                bool(body, "demoMode"), bool(body, "ginLegacyTokens"), bool(body, "demoUsers"))));
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
    Http.json(ctx, 200, admin.setFaults(new FaultPlan(seed.asLong(0), parsed)));
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
      throw ApiError.fromRule(path + ".", e);
    }
  }

  private static Map<String, Object> clock(ClockView clock) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("now", clock.now().toString());
    out.put("offsetSeconds", clock.offsetSeconds());
    out.put("speed", clock.speed());
    return out;
  }

  private void putClock(Context ctx) {
    JsonNode body = Http.objectBody(ctx);
    Integer offset =
        Http.integer(
            body, "offsetSeconds", -LocalAdmin.MAX_OFFSET_SECONDS, LocalAdmin.MAX_OFFSET_SECONDS);
    JsonNode speed = body.path("speed");
    if (!speed.isMissingNode() && !speed.isNumber()) {
      throw ApiError.badRequest(
          "speed",
          "must be a number in 0.." + (long) dev.tokensandbox.backend.clock.SandboxTime.MAX_SPEED);
    }
    ClockChange change =
        new ClockChange(
            body.path("reset").asBoolean(false),
            offset == null ? null : offset.longValue(),
            speed.isMissingNode() ? null : speed.asDouble());
    Http.json(ctx, 200, clock(admin.setClock(change)));
  }

  private void command(Context ctx) {
    String device = ctx.pathParam("id");
    JsonNode body = Http.objectBody(ctx);
    String name = Http.text(body, "command", 32);
    DeviceCommand command = DeviceCommand.fromWire(name);
    if (command == null) {
      throw ApiError.badRequest("command", "must be one of " + DeviceCommand.wireNames());
    }
    JsonNode args = body.path("args");
    if (!args.isMissingNode() && !args.isObject()) {
      throw ApiError.badRequest("args", "must be an object");
    }
    CommandReceipt receipt =
        admin.command(
            device,
            command,
            new CommandArgs(
                Http.text(args, "fault", 32),
                Http.integer(args, "value", -604_800, 604_800),
                Http.text(args, "route", 64),
                Http.text(args, "trigger", 32)));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("device", receipt.device());
    answer.put("command", receipt.command().wire());
    if (receipt.applied() != null) {
      answer.put("applied", receipt.applied());
    }
    answer.put("id", receipt.id());
    answer.put("delivered", receipt.delivered());
    Http.json(ctx, 202, answer);
  }

  /** The member as a boolean, null when absent; 400 naming it when it is not true or false. */
  private static Boolean bool(JsonNode body, String field) {
    if (!body.has(field)) {
      return null;
    }
    if (!body.get(field).isBoolean()) {
      throw ApiError.badRequest(field, "must be true or false");
    }
    return body.get(field).asBoolean();
  }
}
