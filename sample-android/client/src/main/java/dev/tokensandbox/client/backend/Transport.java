package dev.tokensandbox.client.backend;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.tokensandbox.protocol.DeviceProtocol;
import dev.tokensandbox.protocol.Route;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
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
 * The transport under every client of the sandbox: builds requests against one base URL (with the
 * device and pairing headers), runs them blocking, and maps each answer to an {@link Outcome} —
 * typed failures for 401, 4xx (with the field the server named), 5xx, timeouts and broken
 * connections, {@link Outcome.Malformed} for a body that is not what the endpoint promised. Logs
 * name paths, statuses, timings and token fingerprints, never a token, bearer or key. The endpoints
 * live elsewhere: {@link BackendClient} (the app's flows) and the admin client.
 */
public final class Transport {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final int MAX_BODY = 64 * 1024;

  private final OkHttpClient http;
  private final HttpUrl base;
  private final Consumer<String> log;
  private final String pairingCode;
  private final String device;

  Transport(
      OkHttpClient http, HttpUrl base, Consumer<String> log, String pairingCode, String device) {
    this.http = http;
    this.base = base;
    this.log = log;
    this.pairingCode = pairingCode;
    this.device = device;
  }

  public HttpUrl baseUrl() {
    return base;
  }

  /** Parses a successful body; null means "not a success after all, map the status". */
  public interface BodyParser<T> {
    Outcome<T> parse(int status, String body) throws Json.Malformed;
  }

  public static <T> BodyParser<T> json(Function<JsonObject, T> reader) {
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

  public static <T> BodyParser<T> text(Function<String, T> reader) {
    return (status, raw) ->
        status / 100 != 2 ? null : new Outcome.Success<>(reader.apply(raw.trim()), status);
  }

  public <T> Outcome<T> call(Request request, BodyParser<T> parser) {
    return call(request, parser, MAX_BODY);
  }

  /** As {@link #call(Request, BodyParser)}, reading answers of up to {@code maxBody} bytes. */
  public <T> Outcome<T> call(Request request, BodyParser<T> parser, long maxBody) {
    String what = request.method() + " " + request.url().encodedPath();
    try (Response response = http.newCall(request).execute()) {
      int status = response.code();
      String raw = body(response, maxBody);
      Outcome<T> outcome;
      try {
        outcome = parser.parse(status, raw);
        if (outcome == null) {
          outcome = failure(status, raw, response.header("Retry-After"), what, typedBaseUrl());
        }
      } catch (Json.Malformed | IllegalStateException | UnsupportedOperationException e) {
        outcome = new Outcome.Malformed<>(status, e.getMessage());
      }
      long ms = response.receivedResponseAtMillis() - response.sentRequestAtMillis();
      log(what, outcome, " in " + ms + " ms");
      return outcome;
    } catch (java.net.UnknownServiceException e) {
      return logged(
          what, new Outcome.NetworkError<>(Outcome.NetworkError.Kind.REFUSED, refused(e)));
    } catch (InterruptedIOException e) {
      return logged(
          what,
          new Outcome.NetworkError<>(
              Outcome.NetworkError.Kind.TIMEOUT,
              FailureWords.unreachable(typedBaseUrl(), e).line()));
    } catch (IOException e) {
      return logged(
          what,
          new Outcome.NetworkError<>(
              Outcome.NetworkError.Kind.CONNECTION,
              FailureWords.unreachable(typedBaseUrl(), e).line()));
    }
  }

  private static String body(Response response, long maxBody) throws IOException {
    ResponseBody body = response.body();
    if (body == null) {
      return "";
    }
    okio.BufferedSource source = body.source();
    if (!source.request(maxBody + 1L)) {
      return source.readUtf8();
    }
    throw new IOException("answer larger than " + maxBody + " bytes");
  }

  /**
   * Opens the server-sent event stream {@code request} asks for, on this transport's connection
   * pool without a read deadline (a live stream may be quiet for long); events reach {@code
   * listener} on OkHttp's threads.
   */
  public okhttp3.sse.EventSource stream(Request request, okhttp3.sse.EventSourceListener listener) {
    OkHttpClient streaming = http.newBuilder().readTimeout(Duration.ZERO).build();
    return okhttp3.sse.EventSources.createFactory(streaming).newEventSource(request, listener);
  }

  /** One line for this transport's log (secret-free by the caller's care). */
  public void log(String line) {
    log.accept(line);
  }

  /** The base URL as a person typed it (no trailing slash). */
  private String typedBaseUrl() {
    String url = base.toString();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static <T> Outcome<T> failure(
      int status, String raw, String retryAfter, String what, String baseUrl) {
    JsonObject o = Json.object(raw);
    String error = o != null ? Json.text(o, "error") : null;
    String message = o != null ? Json.text(o, "message") : null;
    if (message == null && status == 404) {
      message = FailureWords.notFound(what, baseUrl).line(); // a bare 404 names no path
    }
    if (message == null) {
      message = error != null ? error : "HTTP " + status;
    }
    if (status == 401) {
      return new Outcome.Unauthenticated<>(
          status, error, o != null ? Json.text(o, "field") : null, message);
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

  /**
   * What a policy refusal means for the user (OkHttp says "CLEARTEXT communication … not
   * permitted").
   */
  public static String refused(java.net.UnknownServiceException e) {
    return "this device refuses cleartext HTTP to that host ("
        + e.getMessage()
        + "): use an address its network security config allows, or HTTPS";
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

  /** The URL of {@code route} (from the one route table) with its path values, each encoded. */
  public HttpUrl.Builder url(Route route, String... pathValues) {
    HttpUrl.Builder url = base.newBuilder();
    for (String segment : route.segments(pathValues)) {
      url.addPathSegment(segment);
    }
    return url;
  }

  /** {@code route} with a JSON body (POST, PUT) and the session's bearer when given. */
  public Request post(Route route, JsonElement body, CustomerSession session, String... values) {
    return authorized(
        new Request.Builder()
            .url(url(route, values).build())
            .method(route.method(), RequestBody.create(Json.GSON.toJson(body), JSON)),
        session);
  }

  public Request authorized(Request.Builder request, CustomerSession session) {
    if (session != null) {
      request.header("Authorization", "Bearer " + session.bearer());
    }
    return withPairing(request).build();
  }

  /**
   * {@code method pathAndQuery} as a user typed it (an absolute path with its query, already
   * encoded), with {@code jsonBody} for anything but GET and the session's bearer when given.
   */
  public Request raw(String method, String pathAndQuery, String jsonBody, CustomerSession session) {
    HttpUrl url = pathAndQuery.startsWith("/") ? base.resolve(pathAndQuery) : null;
    if (url == null) {
      throw new IllegalArgumentException("not an absolute path: " + pathAndQuery);
    }
    Request.Builder request = new Request.Builder().url(url);
    if (!method.equals("GET")) {
      request.method(method, RequestBody.create(jsonBody == null ? "" : jsonBody, JSON));
    }
    return authorized(request, session);
  }

  /** {@code GET} (or DELETE) {@code route}, with the device and pairing headers. */
  public Request get(Route route, String... values) {
    return withPairing(new Request.Builder().url(url(route, values).build()))
        .method(route.method(), null)
        .build();
  }

  /** {@code GET url} (built from {@link #url}, with its query), with the same headers. */
  public Request get(HttpUrl.Builder url) {
    return withPairing(new Request.Builder().url(url.build())).get().build();
  }

  private Request.Builder withPairing(Request.Builder request) {
    if (device != null) {
      request.header(DeviceProtocol.DEVICE_HEADER, device);
    }
    return pairingCode != null
        ? request.header(DeviceProtocol.PAIRING_HEADER, pairingCode)
        : request;
  }
}
