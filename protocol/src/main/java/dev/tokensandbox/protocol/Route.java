package dev.tokensandbox.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Every route the sandbox serves, in one table: its id (what fault rules and the traffic journal
 * name), method, path template ({@code {name}} marks a path parameter, as the server registers it)
 * and the parameters it reads (query or JSON body). The server registers these, the client core,
 * the desktop's Issue screen and {@code check} build their requests from them, and the README's
 * endpoint table is checked against them. Several rows may share an id: the faults and the journal
 * treat the methods of one resource as one route.
 */
public enum Route {
  // --- seed 001: the Shengwang token server ---
  AGORA_RTC(
      "agora.rtc",
      "GET",
      "/api/agora/token",
      "channelName",
      "uid",
      "userAccount",
      "role",
      "expireSeconds",
      "privilegeExpireSeconds",
      "joinChannelExpire",
      "pubAudioExpire",
      "pubVideoExpire",
      "pubDataStreamExpire"),
  AGORA_RTM("agora.rtm", "GET", "/api/agora/rtm-token", "userId", "expireSeconds"),
  AGORA_CHAT("agora.chat", "GET", "/api/agora/chat-token", "userId", "expireSeconds"),
  AGORA_CHAT_APP("agora.chat-app", "GET", "/api/agora/chat-app-token", "expireSeconds"),

  // --- seed 002: the Go/Gin tutorial ---
  GIN_PING("gin.ping", "GET", "/ping"),
  GIN_RTC("gin.rtc", "GET", "/rtc/{channelName}/{role}/{tokentype}/{uid}/", "expiry"),
  GIN_RTM("gin.rtm", "GET", "/rtm/{uid}/", "expiry"),
  GIN_RTE("gin.rte", "GET", "/rte/{channelName}/{role}/{tokentype}/{uid}/", "expiry"),

  // --- seed 000 and 003: customer routes backed by a provider ---
  RINGNITY_RUNTIME(
      "ringnity.runtime", "POST", "/ringnity/runtime-token", "userId", "name", "email"),
  CHATSDK_CUSTOMER("chatsdk.customer", "POST", "/api/auth/chat-token"),
  AUTH_LOGIN("auth.login", "POST", "/auth/login", "username", "password"),
  AUTH_LOGOUT("auth.logout", "POST", "/auth/logout"),

  // --- the provider mocks ---
  RINGNITY_PROVIDER(
      "ringnity.provider", "POST", "/api/server/visitor-context-token", "userId", "name", "email"),
  CHATSDK_PROVIDER("chatsdk.provider", "POST", "/tokens", "userId", "name", "custom"),
  CHATSDK_REST("chatsdk.rest", "GET", "/api/users/me"),
  CHATSDK_WS("chatsdk.ws", "GET", "/ws", "token"),
  RTC_JOIN("rtc.join", "POST", "/provider/rtc/join", "token", "channelName", "uid", "userAccount"),
  RTC_RENEW(
      "rtc.renew", "POST", "/provider/rtc/renew", "token", "channelName", "uid", "userAccount"),

  // --- the sandbox's own API ---
  SANDBOX_HEALTH("sandbox.health", "GET", "/sandbox/health"),
  SANDBOX_WORKSPACE("sandbox.workspace", "GET", "/sandbox/workspace"),
  SANDBOX_SETTINGS("sandbox.settings", "GET", "/sandbox/settings"),
  SANDBOX_SETTINGS_PUT(
      "sandbox.settings", "PUT", "/sandbox/settings", "demoMode", "ginLegacyTokens", "demoUsers"),
  SANDBOX_FAULTS("sandbox.faults", "GET", "/sandbox/faults"),
  SANDBOX_FAULTS_PUT("sandbox.faults", "PUT", "/sandbox/faults", "seed", "rules"),
  SANDBOX_FAULTS_DELETE("sandbox.faults", "DELETE", "/sandbox/faults"),
  SANDBOX_JOURNAL("sandbox.journal", "GET", "/sandbox/journal", "limit"),
  SANDBOX_JOURNAL_DELETE("sandbox.journal", "DELETE", "/sandbox/journal"),
  SANDBOX_JOURNAL_STREAM("sandbox.journal", "GET", "/sandbox/journal/stream"),
  SANDBOX_CLOCK("sandbox.clock", "GET", "/sandbox/clock"),
  SANDBOX_CLOCK_PUT("sandbox.clock", "PUT", "/sandbox/clock", "offsetSeconds", "speed", "reset"),
  SANDBOX_TOKENS("sandbox.tokens", "GET", "/sandbox/tokens"),
  SANDBOX_TOKENS_POST(
      "sandbox.tokens",
      "POST",
      "/sandbox/tokens",
      "kind",
      "channelName",
      "uid",
      "userAccount",
      "role",
      "expireSeconds",
      "privilegeExpireSeconds",
      "userId",
      "rtmExpireSeconds",
      "roomUuid",
      "apaasRole",
      "issuedAt",
      "salt"),
  SANDBOX_DEVICES("sandbox.devices", "GET", "/sandbox/devices"),
  SANDBOX_DEVICES_STREAM("sandbox.devices", "GET", "/sandbox/devices/stream"),
  SANDBOX_DEVICE_COMMANDS(
      "sandbox.devices", "POST", "/sandbox/devices/{id}/commands", "command", "args"),
  /** The device channel (a WebSocket): {@link DeviceProtocol}. */
  DEVICE_CHANNEL(
      "sandbox.devices", "GET", DeviceProtocol.CHANNEL_PATH, DeviceProtocol.DEVICE_QUERY);

  private final String id;
  private final String method;
  private final String path;
  private final List<String> params;

  Route(String id, String method, String path, String... params) {
    this.id = id;
    this.method = method;
    this.path = path;
    this.params = Collections.unmodifiableList(Arrays.asList(params));
  }

  /** What fault rules, the journal and the desktop call the route. */
  public String id() {
    return id;
  }

  public String method() {
    return method;
  }

  /** The template as the server registers it: {@code /rtc/{channelName}/{role}/…/}. */
  public String path() {
    return path;
  }

  /** The query or JSON body members the route reads (path parameters are in the template). */
  public List<String> params() {
    return params;
  }

  /** Whether the route is a WebSocket upgrade (the README writes its method as {@code WS}). */
  public boolean isWebSocket() {
    return this == CHATSDK_WS || this == DEVICE_CHANNEL;
  }

  /** The names of the template's path parameters, in order. */
  public List<String> pathParams() {
    List<String> names = new ArrayList<>();
    for (String segment : path.split("/", -1)) {
      if (segment.startsWith("{") && segment.endsWith("}")) {
        names.add(segment.substring(1, segment.length() - 1));
      }
    }
    return names;
  }

  /** The template as the seeds and the README write it: {@code /rtc/:channelName/…/}. */
  public String display() {
    return path.replaceAll("\\{([^}/]+)}", ":$1");
  }

  /**
   * The path with {@code values} for the path parameters in order, each percent-encoded as one
   * segment (an empty value stays an empty segment), e.g. {@code GIN_RTC.path("a b", "publisher",
   * "uid", "7")} is {@code /rtc/a%20b/publisher/uid/7/}.
   *
   * @throws IllegalArgumentException when the number of values is not the number of parameters
   */
  public String path(String... values) {
    StringBuilder out = new StringBuilder();
    for (String segment : segments(values)) {
      out.append('/').append(encode(segment)); // the template's own segments need no encoding
    }
    return out.toString();
  }

  /**
   * The path's segments with {@code values} in place of the parameters, not encoded (for URL
   * builders that encode each segment themselves); a trailing slash is a last empty segment.
   */
  public List<String> segments(String... values) {
    List<String> names = pathParams();
    if (values.length != names.size()) {
      throw new IllegalArgumentException(
          name() + " takes " + names.size() + " path values " + names + ", not " + values.length);
    }
    List<String> out = new ArrayList<>();
    int next = 0;
    String[] segments = path.split("/", -1);
    for (int i = 1; i < segments.length; i++) {
      String segment = segments[i];
      out.add(segment.startsWith("{") && segment.endsWith("}") ? values[next++] : segment);
    }
    return out;
  }

  /** {@code method display()}, e.g. {@code GET /api/agora/token}. */
  @Override
  public String toString() {
    return method + " " + display();
  }

  /** RFC 3986 segment encoding: unreserved characters and sub-delimiters stay, the rest is %XX. */
  static String encode(String segment) {
    StringBuilder out = new StringBuilder();
    for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "-._~!$&'()*+,;=:@".indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%')
            .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return out.toString();
  }
}
