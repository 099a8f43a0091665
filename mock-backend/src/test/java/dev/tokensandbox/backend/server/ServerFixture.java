package dev.tokensandbox.backend.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokensandbox.backend.clock.SandboxTime;
import dev.tokensandbox.backend.internal.http.Http;
import dev.tokensandbox.backend.workspace.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A real sandbox server on a free port with a fixed workspace and a paused-by-default clock (speed
 * 0), plus a real OkHttp client. One per test class or test.
 */
final class ServerFixture implements AutoCloseable {
  static final Workspace WORKSPACE =
      new Workspace(
          "970ca35de60c44645bbae8a215061b33", "5cfd2fd1755d40ecb72977518be15d3b",
          "chatsdk-jwt-secret-0123456789abcdef0123456789",
              "ringnity-jwt-secret-0123456789abcdef012345",
          "rn_sk_test_0123456789abcdef", "chatsdk_0123456789abcdef");
  static final Instant START = Instant.parse("2026-11-24T12:00:00Z");

  final SandboxTime time = new SandboxTime(Clock.fixed(START, ZoneOffset.UTC));
  final List<String> log = new CopyOnWriteArrayList<>();
  final SandboxServer server;
  final OkHttpClient http =
      new OkHttpClient.Builder()
          .readTimeout(10, TimeUnit.SECONDS)
          .retryOnConnectionFailure(false)
          .build();

  ServerFixture() {
    this(SandboxServer.builder());
  }

  ServerFixture(SandboxServer.Builder builder) {
    server =
        builder
            .workspace(WORKSPACE)
            .time(time)
            .random(new Random(42))
            .port(0)
            .log(log::add)
            .start();
  }

  /** An answer as the test sees it: status, headers, body text. */
  record Reply(int code, String contentType, String body, Map<String, List<String>> headers) {
    JsonNode json() {
      try {
        return Http.JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    String header(String name) {
      List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
      return values == null ? null : values.get(0);
    }
  }

  Reply get(String path, String... headers) {
    return call(new Request.Builder().url(server.url() + path).get(), headers);
  }

  Reply post(String path, String json, String... headers) {
    return call(
        new Request.Builder()
            .url(server.url() + path)
            .post(RequestBody.create(json, MediaType.get("application/json"))),
        headers);
  }

  Reply put(String path, String json, String... headers) {
    return call(
        new Request.Builder()
            .url(server.url() + path)
            .put(RequestBody.create(json, MediaType.get("application/json"))),
        headers);
  }

  Reply call(Request.Builder request, String... headers) {
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try (Response response = http.newCall(request.build()).execute()) {
      return new Reply(
          response.code(),
          response.header("Content-Type"),
          response.body().string(),
          response.headers().toMultimap());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Logs in a demo user and returns the {@code Authorization} header value. */
  String login(String username, String password) {
    Reply reply =
        post(
            "/auth/login", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    if (reply.code() != 200) {
      throw new AssertionError("login failed: " + reply);
    }
    return "Bearer " + reply.json().path("sessionToken").asText();
  }

  @Override
  public void close() {
    server.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
