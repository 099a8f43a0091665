package dev.tokensandbox.client.backend;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.tokensandbox.protocol.DeviceProtocol;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The app's side of the backend pattern: log in, fetch tokens through the four seed flows, and ask
 * the RTC service to check a token. Every call is blocking and returns an {@link Outcome}; run it
 * off the UI thread (the core does so through a {@code CallRunner}). All instances made from one
 * {@link OkHttpClient} share its connection pool and threads. Logs name paths, statuses, timings
 * and token fingerprints — never a token, bearer or key.
 */
public final class BackendClient {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final int MAX_BODY = 64 * 1024;

  private final OkHttpClient http;
  private final HttpUrl base;
  private final Consumer<String> log;
  private final String pairingCode;
  private final String device;

  private BackendClient(Builder b) {
    this.http = b.http;
    this.base = b.base;
    this.log = b.log;
    this.pairingCode = b.pairingCode;
    this.device = b.device;
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
    return base;
  }

  /** {@code POST /auth/login}. */
  public Outcome<CustomerSession> login(String username, String password) {
    JsonObject body = new JsonObject();
    body.addProperty("username", username);
    body.addProperty("password", password);
    return call(
        post("auth/login", body, null),
        json(
            o ->
                new CustomerSession(
                    Json.requireText(o, "sessionToken"),
                    Json.requireLong(o, "expiresIn"),
                    Json.requireText(Json.requireObject(o, "user"), "id"),
                    Json.text(Json.requireObject(o, "user"), "name"))));
  }

  /** Shengwang {@code GET /api/agora/token?…} (seed 001): the body is the bare token. */
  public Outcome<FetchedToken> shengwangRtc(RtcTokenQuery q, CustomerSession session) {
    HttpUrl.Builder url = url("api/agora/token").addQueryParameter("channelName", q.channel());
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
    return call(
        authorized(new Request.Builder().url(url.build()).get(), session),
        text(t -> new FetchedToken(Flow.SHENGWANG, agoraToken(t), null, -1)));
  }

  /** Gin {@code GET /rtc/:channel/:role/:uid|userAccount/:uid/} (seed 002) → {@code rtcToken}. */
  public Outcome<FetchedToken> ginRtc(RtcTokenQuery q, CustomerSession session) {
    HttpUrl.Builder url =
        base.newBuilder()
            .addPathSegment("rtc")
            .addPathSegment(q.channel())
            .addPathSegment(q.publisher() ? "publisher" : "subscriber")
            .addPathSegment(q.isAccount() ? "userAccount" : "uid")
            .addPathSegment(q.identity())
            .addPathSegment("");
    optional(url, "expiry", q.expireSeconds());
    return call(
        authorized(new Request.Builder().url(url.build()).get(), session),
        json(
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
    return call(
        post("ringnity/runtime-token", body, session),
        json(
            o ->
                new FetchedToken(
                    Flow.RINGNITY,
                    Json.requireText(o, "token"),
                    null,
                    Json.requireLong(o, "expiresIn"))));
  }

  /** ChatSDK {@code POST /api/auth/chat-token} (seed 003), logged-in users only. */
  public Outcome<FetchedToken> chatSdk(CustomerSession session) {
    return call(
        post("api/auth/chat-token", new JsonObject(), session),
        json(
            o ->
                new FetchedToken(
                    Flow.CHATSDK,
                    Json.requireText(o, "token"),
                    Json.text(o, "wsToken"),
                    Json.requireLong(o, "expiresIn"))));
  }

  /** The RTC service's join check ({@code POST /provider/rtc/join}). */
  public Outcome<RtcCheck> rtcJoin(String token, RtcTokenQuery who) {
    return rtcCheck("provider/rtc/join", token, who);
  }

  /** The RTC service's renew check ({@code POST /provider/rtc/renew}). */
  public Outcome<RtcCheck> rtcRenew(String token, RtcTokenQuery who) {
    return rtcCheck("provider/rtc/renew", token, who);
  }

  /** {@code PUT path} with a JSON body, for the sandbox API; the answer's JSON on success. */
  public Outcome<JsonObject> putJson(String path, JsonElement body) {
    Request request =
        withPairing(new Request.Builder().url(url(path).build()))
            .put(RequestBody.create(Json.GSON.toJson(body), JSON))
            .build();
    return call(request, json(o -> o));
  }

  /** {@code DELETE path}, for the sandbox API. */
  public Outcome<JsonObject> delete(String path) {
    return call(
        withPairing(new Request.Builder().url(url(path).build())).delete().build(), json(o -> o));
  }

  private Outcome<RtcCheck> rtcCheck(String path, String token, RtcTokenQuery who) {
    JsonObject body = new JsonObject();
    body.addProperty("token", token);
    body.addProperty("channelName", who.channel());
    if (who.isAccount()) {
      body.addProperty("userAccount", who.userAccount());
    } else {
      body.addProperty("uid", who.uid());
    }
    body.addProperty("role", who.publisher() ? "publisher" : "subscriber");
    Request request = post(path, body, null);
    // The service answers a rejected token with 401 and a code: that is a verdict, not a failure.
    return call(
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

  /** Parses a successful body; null means "not a success after all, map the status". */
  private interface BodyParser<T> {
    Outcome<T> parse(int status, String body) throws Json.Malformed;
  }

  private static <T> BodyParser<T> json(Function<JsonObject, T> reader) {
    return (status, raw) -> {
      if (status / 100 != 2) {
        return null;
      }
      JsonObject o = Json.object(raw);
      if (o == null) {
        throw new Json.Malformed(raw.isEmpty() ? "empty body" : "body is not a JSON object");
      }
      return new Outcome.Success<>(reader.apply(o), status);
    };
  }

  private static <T> BodyParser<T> text(Function<String, T> reader) {
    return (status, raw) ->
        status / 100 != 2 ? null : new Outcome.Success<>(reader.apply(raw.trim()), status);
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

  private <T> Outcome<T> call(Request request, BodyParser<T> parser) {
    String what = request.method() + " " + request.url().encodedPath();
    try (Response response = http.newCall(request).execute()) {
      int status = response.code();
      String raw = body(response);
      Outcome<T> outcome;
      try {
        outcome = parser.parse(status, raw);
        if (outcome == null) {
          outcome = failure(status, raw, response.header("Retry-After"));
        }
      } catch (Json.Malformed | IllegalStateException | UnsupportedOperationException e) {
        outcome = new Outcome.Malformed<>(status, e.getMessage());
      }
      long ms = response.receivedResponseAtMillis() - response.sentRequestAtMillis();
      log(what, outcome, " in " + ms + " ms");
      return outcome;
    } catch (InterruptedIOException e) {
      return logged(
          what, new Outcome.NetworkError<>(Outcome.NetworkError.Kind.TIMEOUT, "timed out"));
    } catch (IOException e) {
      return logged(
          what, new Outcome.NetworkError<>(Outcome.NetworkError.Kind.CONNECTION, describe(e)));
    }
  }

  private static String body(Response response) throws IOException {
    ResponseBody body = response.body();
    if (body == null) {
      return "";
    }
    okio.BufferedSource source = body.source();
    if (!source.request(MAX_BODY + 1L)) {
      return source.readUtf8();
    }
    throw new IOException("answer larger than " + MAX_BODY + " bytes");
  }

  private static <T> Outcome<T> failure(int status, String raw, String retryAfter) {
    JsonObject o = Json.object(raw);
    String error = o != null ? Json.text(o, "error") : null;
    String message = o != null ? Json.text(o, "message") : null;
    if (message == null) {
      message = error != null ? error : "HTTP " + status;
    }
    if (status == 401) {
      return new Outcome.Unauthenticated<>(status, message);
    }
    if (status >= 400 && status < 500) {
      return new Outcome.ClientError<>(
          status, error, o != null ? Json.text(o, "field") : null, message, seconds(retryAfter));
    }
    if (status >= 500) {
      return new Outcome.ServerError<>(status, error, message);
    }
    return new Outcome.Malformed<>(status, "unexpected status " + status);
  }

  private static Duration seconds(String header) {
    if (header == null) {
      return null;
    }
    try {
      return Duration.ofSeconds(Long.parseLong(header.trim()));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message != null ? ": " + message : "");
  }

  private <T> Outcome<T> logged(String what, Outcome<T> outcome) {
    log(what, outcome, "");
    return outcome;
  }

  private void log(String what, Outcome<?> outcome, String timing) {
    String token =
        outcome instanceof Outcome.Success<?> s && s.value() instanceof FetchedToken t
            ? " " + t.fingerprint()
            : "";
    log.accept(what + " → " + outcome.describe() + timing + token);
  }

  private HttpUrl.Builder url(String path) {
    return base.newBuilder().addPathSegments(path);
  }

  private static void optional(HttpUrl.Builder url, String name, Integer value) {
    if (value != null) {
      url.addQueryParameter(name, Integer.toString(value));
    }
  }

  private Request post(String path, JsonObject body, CustomerSession session) {
    return authorized(
        new Request.Builder()
            .url(url(path).build())
            .post(RequestBody.create(Json.GSON.toJson(body), JSON)),
        session);
  }

  private Request authorized(Request.Builder request, CustomerSession session) {
    if (session != null) {
      request.header("Authorization", "Bearer " + session.bearer());
    }
    return withPairing(request).build();
  }

  private Request.Builder withPairing(Request.Builder request) {
    if (device != null) {
      request.header(DeviceProtocol.DEVICE_HEADER, device);
    }
    return pairingCode != null
        ? request.header(DeviceProtocol.PAIRING_HEADER, pairingCode)
        : request;
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
