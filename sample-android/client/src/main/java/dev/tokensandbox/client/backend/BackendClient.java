package dev.tokensandbox.client.backend;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.tokensandbox.protocol.Flow;
import dev.tokensandbox.protocol.Route;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * The app's side of the backend pattern: log in, fetch tokens through the four seed flows, and ask
 * the RTC service to check a token. Every call is blocking and returns an {@link Outcome}; run it
 * off the UI thread (the core does so through a {@code CallRunner}). All instances made from one
 * {@link OkHttpClient} share its connection pool and threads. Logs name paths, statuses, timings
 * and token fingerprints — never a token, bearer or key.
 */
public final class BackendClient {
  private final Transport transport;

  private BackendClient(Builder b) {
    this.transport = new Transport(b.http, b.base, b.log, b.pairingCode, b.device);
  }

  /** The transport this client's endpoints use; the admin client shares it. */
  public Transport transport() {
    return transport;
  }

  /** A client for the backend at {@code baseUrl} (e.g. {@code http://10.0.2.2:8080}). */
  public static Builder builder(String baseUrl) {
    HttpUrl url = HttpUrl.parse(baseUrl);
    if (url == null) {
      throw new IllegalArgumentException("not an http(s) URL: " + baseUrl);
    }
    return new Builder(url);
  }

  /**
   * How long an idle connection stays in the pool: a third of the sandbox's idle timeout (60 s), so
   * the client drops a quiet connection long before the server would close it under its feet.
   */
  public static final Duration KEEP_ALIVE = Duration.ofSeconds(20);

  /**
   * One OkHttpClient with the sandbox's default timeouts; derive others with newBuilder().
   *
   * <p>Idle connections leave the pool after {@link #KEEP_ALIVE}. A request that fails on a pooled
   * connection before any answer arrived (the server closed it meanwhile, restarted, or a phone's
   * Wi-Fi dropped it while asleep) is retried once on a fresh connection: it was never delivered,
   * and the user would otherwise see a failure the backend did not cause. A failure on a fresh
   * connection, or once an answer began, is reported as it is (the sandbox's injected connection
   * reset drops the connection mid-answer for that reason).
   */
  public static OkHttpClient defaultHttpClient() {
    return new OkHttpClient.Builder()
        .connectTimeout(5, TimeUnit.SECONDS)
        .readTimeout(10, TimeUnit.SECONDS)
        .writeTimeout(10, TimeUnit.SECONDS)
        .callTimeout(15, TimeUnit.SECONDS)
        .connectionPool(new okhttp3.ConnectionPool(5, KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS))
        .retryOnConnectionFailure(true)
        .build();
  }

  public HttpUrl baseUrl() {
    return transport.baseUrl();
  }

  /** {@code POST /auth/login}. */
  public Outcome<CustomerSession> login(String username, String password) {
    JsonObject body = new JsonObject();
    body.addProperty("username", username);
    body.addProperty("password", password);
    return transport.call(
        transport.post(Route.AUTH_LOGIN, body, null),
        Transport.json(
            o ->
                new CustomerSession(
                    Json.requireText(o, "sessionToken"),
                    Json.requireLong(o, "expiresIn"),
                    Json.requireText(Json.requireObject(o, "user"), "id"),
                    Json.text(Json.requireObject(o, "user"), "name"))));
  }

  /** Shengwang {@code GET /api/agora/token?…} (seed 001): the body is the bare token. */
  public Outcome<FetchedToken> shengwangRtc(RtcTokenQuery q, CustomerSession session) {
    HttpUrl.Builder url =
        transport.url(Route.AGORA_RTC).addQueryParameter("channelName", q.channel());
    if (q.isAccount()) {
      url.addQueryParameter("userAccount", q.userAccount());
    } else {
      url.addQueryParameter("uid", Long.toString(q.uid()));
    }
    url.addQueryParameter("role", q.publisher() ? "publisher" : "subscriber");
    optional(url, "expireSeconds", q.expireSeconds());
    optional(url, "joinChannelExpire", q.joinChannelExpire());
    optional(url, "pubAudioExpire", q.pubAudioExpire());
    optional(url, "pubVideoExpire", q.pubVideoExpire());
    optional(url, "pubDataStreamExpire", q.pubDataStreamExpire());
    return transport.call(
        transport.authorized(new Request.Builder().url(url.build()).get(), session),
        Transport.text(t -> new FetchedToken(Flow.SHENGWANG, agoraToken(t), null, -1)));
  }

  /** Gin {@code GET /rtc/:channel/:role/:uid|userAccount/:uid/} (seed 002) → {@code rtcToken}. */
  public Outcome<FetchedToken> ginRtc(RtcTokenQuery q, CustomerSession session) {
    HttpUrl.Builder url =
        transport.url(
            Route.GIN_RTC,
            q.channel(),
            q.publisher() ? "publisher" : "subscriber",
            q.isAccount() ? "userAccount" : "uid",
            q.identity());
    optional(url, "expiry", q.expireSeconds());
    return transport.call(
        transport.authorized(new Request.Builder().url(url.build()).get(), session),
        Transport.json(
            o ->
                new FetchedToken(Flow.GIN, agoraToken(Json.requireText(o, "rtcToken")), null, -1)));
  }

  /** Ringnity {@code POST /ringnity/runtime-token} (seed 000) → {@code {token, expiresIn}}. */
  public Outcome<FetchedToken> ringnity(
      String userId, String name, String email, CustomerSession session) {
    JsonObject body = new JsonObject();
    body.addProperty("userId", userId);
    body.addProperty("name", name);
    body.addProperty("email", email);
    return transport.call(
        transport.post(Route.RINGNITY_RUNTIME, body, session),
        Transport.json(
            o ->
                new FetchedToken(
                    Flow.RINGNITY,
                    Json.requireText(o, "token"),
                    null,
                    Json.requireLong(o, "expiresIn"))));
  }

  /** ChatSDK {@code POST /api/auth/chat-token} (seed 003), logged-in users only. */
  public Outcome<FetchedToken> chatSdk(CustomerSession session) {
    return transport.call(
        transport.post(Route.CHATSDK_CUSTOMER, new JsonObject(), session),
        Transport.json(
            o ->
                new FetchedToken(
                    Flow.CHATSDK,
                    Json.requireText(o, "token"),
                    Json.text(o, "wsToken"),
                    Json.requireLong(o, "expiresIn"))));
  }

  /**
   * Any token route as a user typed it (the desktop's Issue screen sends deliberately odd forms):
   * the token in the answer, whatever the flow's shape — a bare token, {@code rtcToken}, {@code
   * token}, {@code rtmToken} or {@code data.contextToken}. An answer without one is {@link
   * Outcome.Malformed}.
   */
  public Outcome<String> token(
      String method, String pathAndQuery, String jsonBody, CustomerSession session) {
    return transport.call(
        transport.raw(method, pathAndQuery, jsonBody, session),
        (status, raw) -> {
          if (status / 100 != 2) {
            return null;
          }
          String text = raw.trim();
          if (!text.startsWith("{")) {
            if (text.isEmpty()) {
              throw new Json.Malformed("empty body");
            }
            return new Outcome.Success<>(text, status);
          }
          JsonObject o = Json.object(text);
          if (o == null) {
            throw new Json.Malformed("the answer is not valid JSON");
          }
          for (String name : new String[] {"rtcToken", "token", "rtmToken"}) {
            String found = Json.text(o, name);
            if (found != null) {
              return new Outcome.Success<>(found, status);
            }
          }
          JsonObject data =
              o.has("data") && o.get("data").isJsonObject() ? o.getAsJsonObject("data") : null;
          String context = data == null ? null : Json.text(data, "contextToken");
          if (context == null) {
            throw new Json.Malformed("the answer holds no token");
          }
          return new Outcome.Success<>(context, status);
        });
  }

  /** The RTC service's join check ({@code POST /provider/rtc/join}). */
  public Outcome<RtcCheck> rtcJoin(String token, RtcTokenQuery who) {
    return rtcCheck(Route.RTC_JOIN, token, who);
  }

  /** The RTC service's renew check ({@code POST /provider/rtc/renew}). */
  public Outcome<RtcCheck> rtcRenew(String token, RtcTokenQuery who) {
    return rtcCheck(Route.RTC_RENEW, token, who);
  }

  private Outcome<RtcCheck> rtcCheck(Route route, String token, RtcTokenQuery who) {
    JsonObject body = new JsonObject();
    body.addProperty("token", token);
    body.addProperty("channelName", who.channel());
    if (who.isAccount()) {
      body.addProperty("userAccount", who.userAccount());
    } else {
      body.addProperty("uid", who.uid());
    }
    body.addProperty("role", who.publisher() ? "publisher" : "subscriber");
    Request request = transport.post(route, body, null);
    // The service answers a rejected token with 401 and a code: that is a verdict, not a failure.
    return transport.call(
        request,
        (status, raw) -> {
          if (status != 200 && status != 401) {
            return null;
          }
          JsonObject o = Json.object(raw);
          if (o == null || !o.has("code")) {
            return status == 200 ? new Outcome.Malformed<>(status, "no code in the answer") : null;
          }
          return new Outcome.Success<>(parseCheck(o), status);
        });
  }

  private static RtcCheck parseCheck(JsonObject o) {
    int code = (int) Json.requireLong(o, "code");
    Map<String, Instant> privileges = new LinkedHashMap<>();
    JsonObject p = o.has("privilegeExpiresAt") ? o.getAsJsonObject("privilegeExpiresAt") : null;
    if (p != null) {
      for (Map.Entry<String, JsonElement> e : p.entrySet()) {
        privileges.put(e.getKey(), Instant.ofEpochSecond(e.getValue().getAsLong()));
      }
    }
    return new RtcCheck(
        code,
        Json.text(o, "reason"),
        o.has("tokenExpiresAt")
            ? Instant.ofEpochSecond(Json.requireLong(o, "tokenExpiresAt"))
            : null,
        privileges,
        o.has("canPublish") && o.get("canPublish").getAsBoolean(),
        o.has("serverTimeMs")
            ? Instant.ofEpochMilli(Json.requireLong(o, "serverTimeMs"))
            : o.has("serverTime")
                ? Instant.ofEpochSecond(Json.requireLong(o, "serverTime"))
                : null);
  }

  /** The two Agora token formats are base64 after a 3-digit version; anything else is not one. */
  private static String agoraToken(String text) {
    if (text.isEmpty()) {
      throw new Json.Malformed("empty body");
    }
    if (!text.matches("00[67][A-Za-z0-9+/=_-]+")) {
      throw new Json.Malformed("not an Agora token (expected 006… or 007…)");
    }
    return text;
  }

  private static void optional(HttpUrl.Builder url, String name, Integer value) {
    if (value != null) {
      url.addQueryParameter(name, Integer.toString(value));
    }
  }

  /** Options for a {@link BackendClient}. */
  public static final class Builder {
    private final HttpUrl base;
    private OkHttpClient http;
    private Consumer<String> log = line -> {};
    private String pairingCode;
    private String device;

    private Builder(HttpUrl base) {
      this.base = base;
    }

    /** The shared OkHttpClient (default: {@link #defaultHttpClient()}). */
    public Builder httpClient(OkHttpClient http) {
      this.http = http;
      return this;
    }

    /** Where request lines go (they never hold a secret). */
    public Builder log(Consumer<String> log) {
      this.log = log;
      return this;
    }

    /** The code a LAN-mode backend asks non-local clients for. */
    public Builder pairingCode(String code) {
      this.pairingCode = code;
      return this;
    }

    /**
     * Names this device in every request ({@code X-Sandbox-Device}): the traffic journal shows it
     * and fault rules for one device match it.
     */
    public Builder device(String deviceId) {
      this.device = deviceId;
      return this;
    }

    public BackendClient build() {
      if (http == null) {
        http = defaultHttpClient();
      }
      return new BackendClient(this);
    }
  }
}
