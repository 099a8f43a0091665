package dev.tokensandbox.desktop.issue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokensandbox.backend.tokens.AgoraTokenIssuer;
import dev.tokensandbox.backend.tokens.InvalidTokenRequestException;
import dev.tokensandbox.backend.tokens.TokenOrder;
import dev.tokensandbox.backend.tokens.TokenRules;
import dev.tokensandbox.protocol.Route;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The flows the Issue screen offers, each with the parameters its seed route takes and the checks
 * the backend will apply (so the form can point at the field before sending).
 */
public enum IssueFlow {
  SHENGWANG_RTC("Shengwang / Agora RTC", Route.AGORA_RTC, " · seed 001"),
  SHENGWANG_RTM("Shengwang RTM", Route.AGORA_RTM, " · seed 001"),
  SHENGWANG_CHAT("Shengwang Chat user", Route.AGORA_CHAT, " · seed 001"),
  GIN_RTC("Gin-style RTC", Route.GIN_RTC, " · seed 002"),
  RINGNITY("Ringnity runtime", Route.RINGNITY_RUNTIME, " · seed 000"),
  CHATSDK("ChatSDK", Route.CHATSDK_CUSTOMER, " after login · seed 003"),
  ANY_TOKEN(
      "Any token (official builders)",
      Route.SANDBOX_TOKENS_POST,
      " · RTC+RTM, APaaS, FPA…, reproducible");

  /** The fields of {@link #ANY_TOKEN} under "Advanced": they pin the token byte for byte. */
  public static final List<String> ADVANCED = List.of("issuedAt", "salt");

  /** One form field: request name, label, default value. */
  public record Field(String name, String label, String defaultValue) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String label;
  private final Route endpoint;
  private final String note;

  IssueFlow(String label, Route endpoint, String note) {
    this.label = label;
    this.endpoint = endpoint;
    this.note = note;
  }

  public String label() {
    return label;
  }

  /** The route and the seed it comes from, shown under the flow picker. */
  public String route() {
    return endpoint + note;
  }

  /** The route the form's request goes to, from the one route table. */
  public Route endpoint() {
    return endpoint;
  }

  public List<Field> fields() {
    return switch (this) {
      case SHENGWANG_RTC, GIN_RTC ->
          List.of(
              new Field("channelName", "Channel", "test"),
              new Field("uid", "UID (number; empty = use account)", "12345"),
              new Field("userAccount", "User account (string uid)", ""),
              new Field("role", "Role", "publisher"),
              new Field("expireSeconds", "Lifetime (s, 1..86400)", "3600"));
      case SHENGWANG_RTM, SHENGWANG_CHAT ->
          List.of(
              new Field("userId", "User ID", "user-123"),
              new Field("expireSeconds", "Lifetime (s, 1..86400)", "3600"));
      case RINGNITY ->
          List.of(
              new Field("userId", "User ID", "customer-123"),
              new Field("name", "Name", "Demo Customer"),
              new Field("email", "Email", "customer@example.com"));
      case CHATSDK -> List.of();
      case ANY_TOKEN ->
          List.of(
              new Field("kind", "Kind", "rtc-rtm"),
              new Field("channelName", "Channel", "test"),
              new Field("uid", "UID (number; empty = use account)", "12345"),
              new Field("userAccount", "User account (string uid)", ""),
              new Field("role", "Role", "publisher"),
              new Field("userId", "User id (RTM, Chat, APaaS)", ""),
              new Field("roomUuid", "Room UUID", "room-1"),
              new Field("apaasRole", "Role in the room", "1"),
              new Field("expireSeconds", "Lifetime (s, 1..86400)", "3600"),
              new Field("issuedAt", "Issued at", ""),
              new Field("salt", "Salt", ""));
    };
  }

  /** The hint a field shows while empty (its rule, or what empty means). */
  public static String hint(String field) {
    return switch (field) {
      case "issuedAt" -> "Unix seconds or 2025-11-24T16:00:00Z (empty: now)";
      case "salt" -> "1..4294967295 (empty: random 1..99999999)";
      case "userId" -> "empty: the RTC user";
      default -> "";
    };
  }

  /** Whether {@code field} of {@link #ANY_TOKEN} matters for {@code kind}. */
  public static boolean applies(String kind, String field) {
    return switch (field) {
      case "channelName", "uid", "userAccount", "role" ->
          kind.equals("rtc") || kind.equals("rtc-rtm");
      case "userId" -> !List.of("rtc", "chat-app", "apaas-app", "fpa").contains(kind);
      case "roomUuid", "apaasRole" -> kind.equals("apaas-room");
      case "expireSeconds" -> !kind.equals("fpa");
      default -> true;
    };
  }

  @Override
  public String toString() {
    return label;
  }

  /**
   * Every bad field of {@code values} with its rule, in form order (empty when the form is good).
   * Each field is checked with the others at their defaults, then the whole form, so a rule that
   * spans two fields (a uid or an account) is reported once.
   */
  public Map<String, String> problems(Map<String, String> values, boolean demoMode) {
    if (this == ANY_TOKEN) {
      return anyTokenProblems(values);
    }
    Map<String, String> problems = new java.util.LinkedHashMap<>();
    for (Field field : fields()) {
      Map<String, String> alone = new java.util.HashMap<>();
      fields().forEach(f -> alone.put(f.name(), f.defaultValue()));
      alone.put(field.name(), values.getOrDefault(field.name(), ""));
      try {
        request(alone, demoMode);
      } catch (InvalidTokenRequestException e) {
        problems.putIfAbsent(e.field(), e.rule());
      }
    }
    try {
      request(values, demoMode);
    } catch (InvalidTokenRequestException e) {
      problems.putIfAbsent(e.field(), e.rule());
    }
    return inFormOrder(problems);
  }

  /** {@code problems} with the form's fields first, in form order, then any other field. */
  private Map<String, String> inFormOrder(Map<String, String> problems) {
    Map<String, String> ordered = new java.util.LinkedHashMap<>();
    fields()
        .forEach(
            f -> {
              if (problems.containsKey(f.name())) {
                ordered.put(f.name(), problems.get(f.name()));
              }
            });
    problems.forEach(ordered::putIfAbsent);
    return ordered;
  }

  /** Values every kind of {@link #ANY_TOKEN} accepts, put in place of a field found bad. */
  private static final Map<String, String> GOOD =
      Map.of(
          "kind",
          "rtc",
          "channelName",
          "c",
          "uid",
          "1",
          "userAccount",
          "",
          "role",
          "publisher",
          "userId",
          "u",
          "roomUuid",
          "r",
          "apaasRole",
          "1",
          "expireSeconds",
          "3600");

  /**
   * {@link #ANY_TOKEN}'s fields depend on the kind, so each bad field is found by checking the form
   * as typed, then again with every field found bad so far set to a good value.
   */
  private Map<String, String> anyTokenProblems(Map<String, String> values) {
    Map<String, String> trial = new java.util.HashMap<>(values);
    Map<String, String> found = new java.util.LinkedHashMap<>();
    for (int i = 0; i <= fields().size(); i++) {
      try {
        request(trial, true);
        break;
      } catch (InvalidTokenRequestException e) {
        if (found.containsKey(e.field())) {
          break;
        }
        found.put(e.field(), e.rule());
        trial.put(e.field(), GOOD.getOrDefault(e.field(), ""));
      }
    }
    return inFormOrder(found);
  }

  /** The choices of a field that takes one of a few values (role), or empty for free text. */
  public static List<String> choices(String field) {
    return switch (field) {
      case "role" -> List.of("publisher", "subscriber");
      case "kind" -> TokenOrder.KINDS;
      default -> List.of();
    };
  }

  /**
   * Checks {@code values} and builds the request; throws {@link InvalidTokenRequestException}
   * naming the first bad field. {@code demoMode} false means every flow logs in first.
   */
  public FlowRequest request(Map<String, String> values, boolean demoMode) {
    boolean login = this == CHATSDK || (!demoMode && this != ANY_TOKEN);
    return switch (this) {
      case SHENGWANG_RTC -> {
        StringJoiner query = new StringJoiner("&", endpoint.path() + "?", "");
        query.add(
            param(
                "channelName", TokenRules.channel("channelName", v(values, "channelName"), true)));
        identity(values, query);
        query.add(param("role", role(values)));
        query.add(param("expireSeconds", Integer.toString(expire(values))));
        yield new FlowRequest("GET", query.toString(), "", login);
      }
      case GIN_RTC -> {
        String channel = TokenRules.channel("channelName", v(values, "channelName"), false);
        String account = v(values, "userAccount");
        String uid = v(values, "uid");
        String path =
            uid.isEmpty()
                ? endpoint.path(
                    channel,
                    role(values),
                    "userAccount",
                    TokenRules.account("userAccount", account))
                : endpoint.path(
                    channel, role(values), "uid", Long.toString(TokenRules.uid("uid", uid)));
        yield new FlowRequest(
            endpoint.method(), path + "?" + param("expiry", "" + expire(values)), "", login);
      }
      case SHENGWANG_RTM, SHENGWANG_CHAT -> {
        String user = required(values, "userId", 64);
        yield new FlowRequest(
            endpoint.method(),
            endpoint.path()
                + "?"
                + param("userId", user)
                + "&"
                + param("expireSeconds", "" + expire(values)),
            "",
            login);
      }
      case RINGNITY -> {
        ObjectNode body = JSON.createObjectNode();
        body.put("userId", required(values, "userId", 128));
        body.put("name", v(values, "name"));
        body.put("email", v(values, "email"));
        yield new FlowRequest(endpoint.method(), endpoint.path(), body.toString(), login);
      }
      case CHATSDK -> new FlowRequest(endpoint.method(), endpoint.path(), "{}", true);
      case ANY_TOKEN ->
          new FlowRequest(endpoint.method(), endpoint.path(), order(values).toString(), false);
    };
  }

  /** The JSON body of {@code POST /sandbox/tokens}: only the fields the kind uses. */
  private static ObjectNode order(Map<String, String> values) {
    String kind = v(values, "kind");
    if (!TokenOrder.KINDS.contains(kind)) {
      throw new InvalidTokenRequestException(
          "kind", "must be one of " + String.join(", ", TokenOrder.KINDS));
    }
    ObjectNode body = JSON.createObjectNode();
    body.put("kind", kind);
    if (applies(kind, "channelName")) {
      body.put("channelName", TokenRules.channel("channelName", v(values, "channelName"), true));
      String uid = v(values, "uid");
      if (uid.isEmpty()) {
        body.put("userAccount", TokenRules.account("userAccount", v(values, "userAccount")));
      } else {
        body.put("uid", Long.toString(TokenRules.uid("uid", uid)));
      }
      body.put("role", role(values));
    }
    String user = v(values, "userId");
    if (applies(kind, "userId") && !kind.equals("rtc-rtm")) {
      body.put("userId", TokenRules.account("userId", user));
    } else if (kind.equals("rtc-rtm") && !user.isEmpty()) {
      body.put("userId", TokenRules.account("userId", user));
    }
    if (applies(kind, "roomUuid")) {
      body.put("roomUuid", TokenRules.account("roomUuid", v(values, "roomUuid")));
      String role = v(values, "apaasRole");
      if (!role.matches("-?\\d{1,5}")
          || Integer.parseInt(role) < Short.MIN_VALUE
          || Integer.parseInt(role) > Short.MAX_VALUE) {
        throw new InvalidTokenRequestException("apaasRole", "must be a whole number -32768..32767");
      }
      body.put("apaasRole", Integer.parseInt(role));
    }
    if (applies(kind, "expireSeconds")) {
      body.put("expireSeconds", expire(values));
    }
    String issuedAt = v(values, "issuedAt");
    if (issuedAt.matches("\\d{1,10}")) {
      body.put("issuedAt", Long.parseLong(issuedAt));
    } else if (!issuedAt.isEmpty()) {
      try {
        body.put("issuedAt", java.time.Instant.parse(issuedAt).toString());
      } catch (java.time.format.DateTimeParseException e) {
        throw new InvalidTokenRequestException(
            "issuedAt", "must be Unix seconds or an ISO-8601 instant (2025-11-24T16:00:00Z)");
      }
    }
    String salt = v(values, "salt");
    if (!salt.isEmpty()) {
      if (!salt.matches("\\d{1,10}")
          || Long.parseLong(salt) < 1
          || Long.parseLong(salt) > AgoraTokenIssuer.MAX_SALT) {
        throw new InvalidTokenRequestException("salt", "must be a whole number 1..4294967295");
      }
      body.put("salt", Long.parseLong(salt));
    }
    return body;
  }

  private static void identity(Map<String, String> values, StringJoiner query) {
    String uid = v(values, "uid");
    if (uid.isEmpty()) {
      query.add(param("userAccount", TokenRules.account("userAccount", v(values, "userAccount"))));
    } else {
      query.add(param("uid", Long.toString(TokenRules.uid("uid", uid))));
    }
  }

  private static String role(Map<String, String> values) {
    String role = v(values, "role");
    if (!role.equals("publisher") && !role.equals("subscriber")) {
      throw new InvalidTokenRequestException("role", "must be publisher or subscriber");
    }
    return role;
  }

  private static int expire(Map<String, String> values) {
    String text = v(values, "expireSeconds");
    if (!text.matches("\\d{1,9}")) {
      throw new InvalidTokenRequestException(
          "expireSeconds",
          "must be a whole number of seconds, 1.." + TokenRules.MAX_EXPIRE_SECONDS);
    }
    return TokenRules.expire("expireSeconds", Long.parseLong(text));
  }

  private static String required(Map<String, String> values, String field, int max) {
    String value = v(values, field);
    if (value.isEmpty()) {
      throw new InvalidTokenRequestException(field, "is required");
    }
    if (value.length() > max) {
      throw new InvalidTokenRequestException(field, "must be at most " + max + " characters");
    }
    return value;
  }

  private static String v(Map<String, String> values, String field) {
    String value = values.get(field);
    return value == null ? "" : value.strip();
  }

  private static String param(String name, String value) {
    return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
