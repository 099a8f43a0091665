package dev.tokensandbox.backend.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokensandbox.backend.internal.http.Http;
import dev.tokensandbox.protocol.admin.Fault;
import dev.tokensandbox.protocol.admin.FaultPlan;
import dev.tokensandbox.protocol.admin.FaultRule;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every error the server gives, from Jetty's parser to the routes, is a 4xx (or 501) with the
 * sandbox's {@code {error, field, message}} JSON: never an HTML page, never a 5xx for bad input.
 */
class ErrorShapeTest {
  private final ServerFixture sandbox = new ServerFixture();

  @AfterEach
  void stop() {
    sandbox.close();
  }

  static Stream<Arguments> requestsJettyRefuses() {
    String host = "Host: 127.0.0.1\r\n";
    return Stream.of(
        Arguments.of("garbage request line", "BAD REQUEST LINE\r\n\r\n", 400, "version"),
        Arguments.of("%00 in the path", "GET /pi%00ng HTTP/1.1\r\n" + host + "\r\n", 400, null),
        Arguments.of(
            "control character",
            "GET /ping HTTP/1.1\r\n" + host + "X-A: \u0001\r\n\r\n",
            400,
            null),
        Arguments.of(
            "bad Content-Length",
            "POST /auth/login HTTP/1.1\r\n" + host + "Content-Length: abc\r\n\r\n",
            400,
            "Content-Length"),
        Arguments.of(
            "two Content-Lengths",
            "POST /auth/login HTTP/1.1\r\n"
                + host
                + "Content-Length: 1\r\nContent-Length: 2\r\n\r\n",
            400,
            "Content-Length"),
        Arguments.of(
            "64 KB header",
            "GET /ping HTTP/1.1\r\n" + host + "X-Big: " + "a".repeat(65_536) + "\r\n\r\n",
            431,
            "headers"),
        Arguments.of("HTTP/2.0", "GET /ping HTTP/2.0\r\n" + host + "\r\n", 426, "version"),
        Arguments.of("HTTP/9.9", "GET /ping HTTP/9.9\r\n" + host + "\r\n", 400, "version"),
        Arguments.of(
            "Expect: 999", "GET /ping HTTP/1.1\r\n" + host + "Expect: 999\r\n\r\n", 417, "Expect"),
        Arguments.of(
            "URI too long",
            "GET /" + "a".repeat(70_000) + " HTTP/1.1\r\n" + host + "\r\n",
            414,
            "uri"),
        Arguments.of("no Host", "GET /ping HTTP/1.1\r\n\r\n", 400, "Host"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requestsJettyRefuses")
  void jettysOwnRefusalsAreJson(String what, String request, int status, String field)
      throws IOException {
    String answer = RawHttp.exchange(sandbox.server.port(), request);
    assertThat(RawHttp.status(answer)).as(answer).isEqualTo(status);
    assertThat(answer).containsIgnoringCase("Content-Type: application/json");
    JsonNode body = json(RawHttp.body(answer));
    assertThat(body.path("error").asText()).isNotBlank();
    assertThat(body.path("message").asText()).isNotBlank().doesNotContain("<");
    if (field != null) {
      assertThat(body.path("field").asText()).isEqualTo(field);
    }
  }

  @Test
  void aMethodHttpDoesNotDefineIs501() throws IOException {
    String answer =
        RawHttp.exchange(
            sandbox.server.port(),
            "BREW /ping HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    assertThat(RawHttp.status(answer)).isEqualTo(501);
    assertThat(json(RawHttp.body(answer)).path("field").asText()).isEqualTo("method");
  }

  @Test
  void aBrokenWebSocketHandshakeSaysWhatIsWrong() throws IOException {
    for (String path : List.of("/ws", "/sandbox/devices/ws?device=pixel-1")) {
      String version8 =
          RawHttp.exchange(
              sandbox.server.port(),
              "GET "
                  + path
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection:"
                  + " Upgrade, close\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                  + "Sec-WebSocket-Version: 8\r\n\r\n");
      assertThat(RawHttp.status(version8)).as(path).isEqualTo(426);
      assertThat(version8).containsIgnoringCase("Sec-WebSocket-Version: 13");
      assertThat(json(RawHttp.body(version8)).path("field").asText())
          .isEqualTo("Sec-WebSocket-Version");

      String noKey =
          RawHttp.exchange(
              sandbox.server.port(),
              "GET "
                  + path
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection:"
                  + " Upgrade, close\r\nSec-WebSocket-Version: 13\r\n\r\n");
      assertThat(RawHttp.status(noKey)).as(path).isEqualTo(400);
      assertThat(json(RawHttp.body(noKey)).path("field").asText()).isEqualTo("Sec-WebSocket-Key");

      String plain =
          RawHttp.exchange(
              sandbox.server.port(),
              "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
      assertThat(RawHttp.status(plain)).as(path).isEqualTo(400);
      JsonNode body = json(RawHttp.body(plain));
      assertThat(body.path("field").asText()).isEqualTo("Upgrade");
      assertThat(body.path("message").asText()).contains("WebSocket").doesNotContain("not GET");
    }
  }

  @Test
  void aWrongMethodIs405NamingTheRightOnes() {
    ServerFixture.Reply put = sandbox.put("/ping", "{}");
    assertThat(put.code()).isEqualTo(405);
    assertThat(put.header("Allow")).isEqualTo("GET");
    assertThat(put.json().path("error").asText()).isEqualTo("method_not_allowed");

    ServerFixture.Reply post = sandbox.post("/sandbox/faults", "{}");
    assertThat(post.code()).isEqualTo(405);
    assertThat(post.header("Allow")).isEqualTo("DELETE, GET, PUT");
    assertThat(sandbox.post("/sandbox/journal/stream", "").header("Allow")).isEqualTo("GET");
    assertThat(sandbox.post("/sandbox/devices/phone-1", "").code()).isEqualTo(404);
    assertThat(sandbox.get("/no/such/route").code()).isEqualTo(404);
  }

  @Test
  void aRepeatedQueryParameterIsRefusedByName() {
    int issued = sandbox.server.admin().tokens().size();
    ServerFixture.Reply twice = sandbox.get("/api/agora/token?channelName=a&uid=1&channelName=b");
    assertThat(twice.code()).isEqualTo(400);
    assertThat(twice.json().path("field").asText()).isEqualTo("channelName");
    assertThat(twice.json().path("message").asText())
        .isEqualTo("must be given once (got 2 values)");
    assertThat(sandbox.server.admin().tokens()).hasSize(issued);
  }

  @Test
  void providerRefusalsAndInjectedFaultsHaveTheSameShape() {
    ServerFixture.Reply chat = sandbox.post("/tokens", "{\"userId\":\"u\"}", "X-API-Key", "wrong");
    assertThat(chat.code()).isEqualTo(401);
    assertShape(chat.json(), "invalid_api_key", "X-API-Key");
    assertThat(chat.json().path("message").asText()).startsWith("Invalid API key");

    sandbox.server.admin().setFaults(FaultPlan.of(FaultRule.always("gin.ping", Fault.STATUS, 503)));
    ServerFixture.Reply fault = sandbox.get("/ping");
    assertThat(fault.code()).isEqualTo(503);
    assertShape(fault.json(), "injected_fault", null);
  }

  private static void assertShape(JsonNode body, String error, String field) {
    assertThat(body.fieldNames()).toIterable().containsExactly("error", "field", "message");
    assertThat(body.path("error").asText()).isEqualTo(error);
    if (field == null) {
      assertThat(body.path("field").isNull()).isTrue();
    } else {
      assertThat(body.path("field").asText()).isEqualTo(field);
    }
  }

  private static JsonNode json(String text) {
    try {
      return Http.JSON.readTree(text);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }
}
