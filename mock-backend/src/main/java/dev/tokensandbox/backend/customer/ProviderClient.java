package dev.tokensandbox.backend.customer;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tokensandbox.backend.server.ApiError;
import dev.tokensandbox.backend.server.Http;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
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

  private final OkHttpClient http;

  public ProviderClient(Duration timeout) {
    this.http =
        new OkHttpClient.Builder()
            .connectTimeout(timeout)
            .readTimeout(timeout)
            .callTimeout(timeout.multipliedBy(2))
            .retryOnConnectionFailure(false)
            .build();
  }

  /** Upstream answer: status and parsed JSON body. */
  public record Answer(int status, JsonNode body) {}

  public Answer postJson(String url, Map<String, String> headers, Object body, String failure) {
    Request.Builder request = new Request.Builder().url(url);
    headers.forEach(request::header);
    try {
      request.post(RequestBody.create(Http.JSON.writeValueAsBytes(body), JSON));
    } catch (IOException e) {
      throw new IllegalStateException("request body is not serialisable", e);
    }
    try (Response response = http.newCall(request.build()).execute()) {
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
    } catch (IOException e) {
      throw ApiError.badGateway(
          "upstream_failed",
          failure + ": provider unreachable (" + e.getClass().getSimpleName() + ")");
    }
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
