package dev.tokensandbox.backend.server;

import dev.tokensandbox.backend.internal.http.Http;
import dev.tokensandbox.backend.internal.http.RouteContext;
import dev.tokensandbox.backend.traffic.Redactor;
import dev.tokensandbox.backend.traffic.RevealStore;
import dev.tokensandbox.backend.traffic.TrafficJournal;
import dev.tokensandbox.protocol.DeviceProtocol;
import dev.tokensandbox.protocol.admin.JournalEntry;
import io.javalin.http.Context;
import io.javalin.websocket.WsConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns each finished request into a redacted {@link JournalEntry} and one log line. */
final class JournalRecorder {
  private static final int MAX_BODY = 2048;
  private static final List<String> HEADERS =
      List.of(
          "Authorization", "X-API-Key", "Content-Type", "User-Agent", DeviceProtocol.DEVICE_HEADER);
  private static final Pattern TOKEN_ID = Pattern.compile("«token (tok:[0-9a-f]{8})»");

  private static final int MAX_RAW_BODY = 8 * 1024;

  /** A journaled path with its query, at most (a query may be up to the header limit). */
  private static final int MAX_PATH = 1024;

  private final TrafficJournal journal;
  private final RevealStore reveals;
  private final Redactor redactor;
  private final Clock clock;
  private final Consumer<String> log;

  JournalRecorder(
      TrafficJournal journal,
      RevealStore reveals,
      Redactor redactor,
      Clock clock,
      Consumer<String> log) {
    this.journal = journal;
    this.reveals = reveals;
    this.redactor = redactor;
    this.clock = clock;
    this.log = log;
  }

  void record(Context ctx, Float millis) {
    String route = RouteContext.route(ctx);
    if (route.equals("sandbox.journal")) {
      return; // reading the journal must not fill it
    }
    String query = ctx.queryString();
    String path = redactor.redactTarget(ctx.path(), query);
    Map<String, String> raw = new LinkedHashMap<>();
    Map<String, String> redactedHeaders = new LinkedHashMap<>();
    boolean redactedAny = false;
    for (String name : HEADERS) {
      String value = ctx.header(name);
      if (value != null) {
        String redacted =
            name.equals("Authorization") || name.equals("X-API-Key")
                ? scheme(value) + "«redacted»"
                : redactor.redact(value);
        raw.put(name, value);
        redactedHeaders.put(name, redacted);
        redactedAny |= !redacted.equals(value);
      }
    }
    // Most requests carry nothing to redact in their headers: then the journal and the reveal copy
    // share one map, and a busy server keeps half as many objects per request.
    Map<String, String> rawHeaders = java.util.Collections.unmodifiableMap(raw);
    Map<String, String> headers = redactedAny ? redactedHeaders : rawHeaders;
    int status = RouteContext.journalStatus(ctx);
    // A request refused for its body (too large, not JSON) is journaled without it: a page could
    // otherwise fill the journal with bodies the sandbox never accepted.
    boolean refusedBody = status == 413 || status == 415;
    String rawRequest = refusedBody ? "" : safeBody(ctx);
    String body = ctx.attribute(Http.BODY);
    String rawResponse = body == null ? "" : body;
    String requestBody =
        refusedBody
            ? "«body not kept: the request was refused (" + status + ")»"
            : clip(redactor.redactBody(rawRequest));
    String responseBody = clip(redactor.redactBody(rawResponse));
    JournalEntry entry =
        journal.record(
            id ->
                new JournalEntry(
                    id,
                    clock.instant(),
                    millis == null ? 0 : Math.round(millis * 10) / 10.0,
                    hop(route),
                    route,
                    ctx.method().name(),
                    clip(path, MAX_PATH),
                    status,
                    client(ctx),
                    headers,
                    requestBody,
                    responseBody,
                    tokenIds(responseBody),
                    RouteContext.faults(ctx).names()));
    reveals.put(
        entry.id(),
        new dev.tokensandbox.protocol.admin.Exchange(
            rawHeaders, clip(rawRequest, MAX_RAW_BODY), clip(rawResponse, MAX_RAW_BODY)));
    log.accept(
        entry.method()
            + " "
            + entry.path()
            + " → "
            + entry.status()
            + " in "
            + entry.durationMillis()
            + " ms"
            + (entry.tokenIds().isEmpty() ? "" : " " + entry.tokenIds())
            + (entry.faults().isEmpty() ? "" : " faults=" + entry.faults()));
  }

  void websocket(WsConfig ws) {
    ws.onConnect(
        ctx ->
            journal.record(
                id ->
                    new JournalEntry(
                        id,
                        clock.instant(),
                        0,
                        wsHop(ctx.matchedPath()),
                        wsRoute(ctx.matchedPath()),
                        "WS",
                        redactor.redactTarget(ctx.matchedPath(), ctx.queryString()),
                        101,
                        ctx.host(),
                        Map.of(),
                        "",
                        "",
                        List.of(),
                        List.of())));
    ws.onClose(
        ctx ->
            journal.record(
                id ->
                    new JournalEntry(
                        id,
                        clock.instant(),
                        0,
                        wsHop(ctx.matchedPath()),
                        wsRoute(ctx.matchedPath()),
                        "WS-CLOSE",
                        ctx.matchedPath(),
                        ctx.status(),
                        ctx.host(),
                        Map.of(),
                        "",
                        redactor.redact(ctx.reason() == null ? "" : ctx.reason()),
                        List.of(),
                        List.of())));
  }

  private static String wsRoute(String path) {
    return path.startsWith("/sandbox/") ? "sandbox.devices" : "chatsdk.ws";
  }

  private static String wsHop(String path) {
    return path.startsWith("/sandbox/") ? "sandbox" : "app→provider";
  }

  static String hop(String route) {
    if (route.startsWith("sandbox.")) {
      return "sandbox";
    }
    if (route.endsWith(".provider") || route.startsWith("rtc.") || route.equals("chatsdk.rest")) {
      return route.equals("ringnity.provider") || route.equals("chatsdk.provider")
          ? "customer→provider"
          : "app→provider";
    }
    return "app→customer";
  }

  private static String safeBody(Context ctx) {
    if (ctx.contentLength() <= 0 && ctx.header("Transfer-Encoding") == null) {
      return ""; // no body: reading one would still allocate Javalin's copy buffers
    }
    try {
      return ctx.body();
    } catch (RuntimeException e) {
      return "";
    }
  }

  private static String scheme(String value) {
    int space = value.indexOf(' ');
    return space > 0 && space < 10 ? value.substring(0, space + 1) : "";
  }

  /** The device's name as it gave it (redacted and clipped: a client may send anything), or IP. */
  private String client(Context ctx) {
    String device = ctx.header(DeviceProtocol.DEVICE_HEADER);
    return device != null ? clip(redactor.redact(device), 64) : ctx.ip();
  }

  private static String clip(String s) {
    return clip(s, MAX_BODY);
  }

  /**
   * At most {@code max} characters, control characters shown as {@code ·}: in JSON each would be a
   * six-byte escape, so a body of them made a journal answer six times its size.
   */
  private static String clip(String s, int max) {
    String cut = s.length() <= max ? s : s.substring(0, max) + "…(" + s.length() + " chars)";
    for (int i = 0; i < cut.length(); i++) {
      char c = cut.charAt(i);
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
        StringBuilder out = new StringBuilder(cut.length());
        for (char d : cut.toCharArray()) {
          out.append(d < 0x20 && d != '\n' && d != '\r' && d != '\t' ? '·' : d);
        }
        return out.toString();
      }
    }
    return cut;
  }

  private static List<String> tokenIds(String redactedBody) {
    if (!redactedBody.contains("«token ")) {
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    Matcher m = TOKEN_ID.matcher(redactedBody);
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }
}
