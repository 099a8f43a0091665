package dev.tokensandbox.backend.internal.customer;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tokensandbox.backend.internal.http.ApiError;
import dev.tokensandbox.backend.internal.http.Http;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The customer backend's outbound HTTP (one shared OkHttp client with timeouts): posts JSON to a
 * provider and returns its JSON answer, or throws a 502 {@link ApiError} saying what went wrong
 * upstream. It never includes keys or tokens in its messages.
 */
public final class ProviderClient implements AutoCloseable {
  private static final MediaType JSON = MediaType.get("application/json");

  /** How long an idle upstream connection is kept: a third of the sandbox's idle timeout. */
  static final Duration KEEP_ALIVE = Duration.ofSeconds(20);

  private final Duration timeout;
  private volatile OkHttpClient http;

  /**
   * The OkHttp client is made on the first provider call, not at start: building it loads the TLS
   * trust store and some 240 security classes the server's start does not need (#21).
   */
  public ProviderClient(Duration timeout) {
    this.timeout = timeout;
  }

  private OkHttpClient http() {
    OkHttpClient client = http;
    if (client == null) {
      synchronized (this) {
        client = http;
        if (client == null) {
          client = build(timeout);
          http = client;
        }
      }
    }
    return client;
  }

  private static OkHttpClient build(Duration timeout) {
    return new OkHttpClient.Builder()
        .connectTimeout(timeout)
        .readTimeout(timeout)
        .callTimeout(timeout.multipliedBy(2))
        // Idle connections leave the pool well before the provider's idle timeout (the
        // sandbox's own: 60 s), and a request that died on a pooled connection before any
        // answer is retried on a fresh one
        // (docs/decisions/0006-keep-alive-and-idle-timeout.md).
        .connectionPool(new okhttp3.ConnectionPool(5, KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS))
        .retryOnConnectionFailure(true)
        .build();
  }

  /** Upstream answer: status and parsed JSON body. */
  public record Answer(int status, JsonNode body) {}

  /**
   * Posts without holding the caller's thread: the answer (or a 502 {@link ApiError}) completes the
   * future on OkHttp's thread. The sandbox's own worker threads stay free for the provider mock
   * that usually answers this very call.
   */
  public CompletableFuture<Answer> postJsonAsync(
      String url, Map<String, String> headers, Object body, String failure) {
    Request.Builder request = new Request.Builder().url(url);
    headers.forEach(request::header);
    try {
      request.post(RequestBody.create(Http.JSON.writeValueAsBytes(body), JSON));
    } catch (IOException e) {
      throw new IllegalStateException("request body is not serialisable", e);
    }
    CompletableFuture<Answer> answer = new CompletableFuture<>();
    http()
        .newCall(request.build())
        .enqueue(
            new Callback() {
              @Override
              public void onResponse(Call call, Response response) {
                try (response) {
                  answer.complete(read(response, failure));
                } catch (ApiError e) {
                  answer.completeExceptionally(e);
                } catch (IOException e) {
                  answer.completeExceptionally(unreachable(failure, e));
                }
              }

              @Override
              public void onFailure(Call call, IOException e) {
                answer.completeExceptionally(unreachable(failure, e));
              }
            });
    return answer;
  }

  private static Answer read(Response response, String failure) throws IOException {
    String text = response.body() == null ? "" : response.body().string();
    if (text.isBlank()) {
      throw ApiError.badGateway(
          "upstream_failed",
          failure + ": provider answered " + response.code() + " with an empty body");
    }
    try {
      return new Answer(response.code(), Http.JSON.readTree(text));
    } catch (JacksonException e) {
      throw ApiError.badGateway(
          "upstream_failed",
          failure + ": provider answered " + response.code() + " with malformed JSON");
    }
  }

  private static ApiError unreachable(String failure, IOException e) {
    return ApiError.badGateway(
        "upstream_failed",
        failure + ": provider unreachable (" + e.getClass().getSimpleName() + ")");
  }

  @Override
  public void close() {
    OkHttpClient client = http;
    if (client != null) {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }
}
