package dev.tokensandbox.backend.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensandbox.backend.internal.provider.ChatSdkProvider;
import dev.tokensandbox.protocol.admin.Fault;
import dev.tokensandbox.protocol.admin.FaultPlan;
import dev.tokensandbox.protocol.admin.FaultRule;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Ringnity and ChatSDK round trips through real HTTP, including upstream failure, 429 and expiry.
 */
class ProviderFlowsTest {
  private final ServerFixture sandbox = new ServerFixture();

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void ringnityUpstreamRejectionBecomesA502WithAClearError() {
    sandbox
        .server
        .admin()
        .setFaults(FaultPlan.of(FaultRule.always("ringnity.provider", Fault.REVOKED_KEY, 0)));

    ServerFixture.Reply reply =
        sandbox.post("/ringnity/runtime-token", "{\"userId\":\"customer-123\"}");

    assertThat(reply.code()).isEqualTo(502);
    assertThat(reply.json().path("error").asText()).isEqualTo("upstream_failed");
    assertThat(reply.json().path("message").asText())
        .isEqualTo("Ringnity token exchange failed: provider answered 401");
  }

  @Test
  void ringnityUnreachableProviderIsA502Too() {
    try (ServerFixture elsewhere =
        new ServerFixture(SandboxServer.builder().providerBaseUrl("http://127.0.0.1:9"))) {
      ServerFixture.Reply reply = elsewhere.post("/ringnity/runtime-token", "{}");
      assertThat(reply.code()).isEqualTo(502);
      assertThat(reply.json().path("message").asText()).contains("provider unreachable");
    }
  }

  @Test
  void ringnityMalformedProviderAnswerIsA502() {
    sandbox
        .server
        .admin()
        .setFaults(FaultPlan.of(FaultRule.always("ringnity.provider", Fault.MALFORMED_JSON, 0)));
    assertThat(sandbox.post("/ringnity/runtime-token", "{}").json().path("message").asText())
        .contains("malformed JSON");
  }

  @Test
  void chatSdkUpsertsTheUserKeepingWhatASecondCallOmits() {
    String key = ServerFixture.WORKSPACE.chatsdkApiKey();
    ServerFixture.Reply first =
        sandbox.post(
            "/tokens",
            "{\"userId\":\"user-123\",\"name\":\"Alice Johnson\",\"image\":\"https://a/i.png\","
                + "\"custom\":{\"department\":\"Engineering\",\"role\":\"Senior Developer\"}}",
            "X-API-Key",
            key);
    assertThat(first.code()).isEqualTo(200);
    assertThat(first.json().path("user").has("custom")).as("the seed's user shape").isFalse();

    ServerFixture.Reply second =
        sandbox.post(
            "/tokens", "{\"userId\":\"user-123\",\"name\":\"Alice J.\"}", "X-API-Key", key);
    var user = second.json().path("user");
    assertThat(user.path("name").asText()).isEqualTo("Alice J.");
    assertThat(user.path("image").asText())
        .as("kept: the call omitted it")
        .isEqualTo("https://a/i.png");

    // The REST API returns the stored user, custom metadata included.
    String rest = second.json().path("token").asText();
    ServerFixture.Reply me = sandbox.get("/api/users/me", "Authorization", "Bearer " + rest);
    assertThat(me.json().path("user").path("custom").path("department").asText())
        .isEqualTo("Engineering");
    assertThat(me.json().path("user").path("custom").path("role").asText())
        .as("kept: the second call omitted custom")
        .isEqualTo("Senior Developer");
    assertThat(me.json().path("user").path("name").asText()).isEqualTo("Alice J.");

    ServerFixture.Reply cleared =
        sandbox.post("/tokens", "{\"userId\":\"user-123\",\"image\":null}", "X-API-Key", key);
    assertThat(cleared.json().path("user").path("image").isNull())
        .as("null given: cleared")
        .isTrue();
    assertThat(cleared.json().path("user").path("name").asText()).isEqualTo("Alice J.");
  }

  @Test
  void theChatTokenRouteAnswersAsTheSeedWhenItsProviderFails() {
    String alice = sandbox.login("alice", "alice-demo");
    sandbox
        .server
        .admin()
        .setFaults(FaultPlan.of(FaultRule.always("chatsdk.provider", Fault.REVOKED_KEY, 0)));
    ServerFixture.Reply refused = sandbox.post("/api/auth/chat-token", "", "Authorization", alice);
    assertThat(refused.code()).isEqualTo(500);
    assertThat(refused.json().path("error").asText()).isEqualTo("Failed to generate chat token");
    assertThat(refused.json().path("message").asText()).isEqualTo("provider answered 401");

    try (ServerFixture elsewhere =
        new ServerFixture(SandboxServer.builder().providerBaseUrl("http://127.0.0.1:9"))) {
      String bob = elsewhere.login("alice", "alice-demo");
      ServerFixture.Reply unreachable =
          elsewhere.post("/api/auth/chat-token", "", "Authorization", bob);
      assertThat(unreachable.code()).isEqualTo(500);
      assertThat(unreachable.json().path("error").asText())
          .isEqualTo("Failed to generate chat token");
      assertThat(unreachable.json().path("message").asText()).contains("provider unreachable");
    }
  }

  @Test
  void chatTokenIsLimitedToTenPerFifteenMinutesPerUser() {
    String alice = sandbox.login("alice", "alice-demo");
    String customer = sandbox.login("customer", "customer-demo");
    for (int i = 0; i < 10; i++) {
      assertThat(sandbox.post("/api/auth/chat-token", "", "Authorization", alice).code())
          .isEqualTo(200);
    }

    ServerFixture.Reply limited = sandbox.post("/api/auth/chat-token", "", "Authorization", alice);

    assertThat(limited.code()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isEqualTo("900");
    assertThat(limited.json().path("message").asText())
        .isEqualTo("Too many token requests, please try again later");
    assertThat(sandbox.post("/api/auth/chat-token", "", "Authorization", customer).code())
        .isEqualTo(200);
    sandbox.time.setOffset(Duration.ofMinutes(15));
    assertThat(sandbox.post("/api/auth/chat-token", "", "Authorization", alice).code())
        .isEqualTo(200);
  }

  @Test
  void restEndpointRejectsExpiredAndWrongKindTokens() {
    var tokens =
        sandbox
            .post(
                "/tokens",
                "{\"userId\":\"user-123\"}",
                "X-API-Key",
                ServerFixture.WORKSPACE.chatsdkApiKey())
            .json();
    String rest = tokens.path("token").asText();

    assertThat(sandbox.get("/api/users/me", "Authorization", "Bearer " + rest).code())
        .isEqualTo(200);
    assertThat(
            sandbox
                .get("/api/users/me", "Authorization", "Bearer " + tokens.path("wsToken").asText())
                .json()
                .path("message")
                .asText())
        .contains("wrong token kind");
    sandbox.time.setOffset(Duration.ofHours(24));
    ServerFixture.Reply expired = sandbox.get("/api/users/me", "Authorization", "Bearer " + rest);
    assertThat(expired.code()).isEqualTo(401);
    assertThat(expired.json().path("message").asText()).isEqualTo("token expired");
  }

  @Test
  void webSocketAcceptsAValidWsTokenAndClosesOnAnExpiredOne() throws Exception {
    String wsToken =
        sandbox
            .post(
                "/tokens",
                "{\"userId\":\"user-123\",\"name\":\"Alice\"}",
                "X-API-Key",
                ServerFixture.WORKSPACE.chatsdkApiKey())
            .json()
            .path("wsToken")
            .asText();

    assertThat(connect(wsToken).get(5, TimeUnit.SECONDS))
        .startsWith("message:")
        .contains("connected", "Alice");

    sandbox.time.setOffset(Duration.ofHours(25));
    assertThat(connect(wsToken).get(5, TimeUnit.SECONDS))
        .isEqualTo(
            "closed:" + ChatSdkProvider.WS_CLOSE_UNAUTHORIZED + ":unauthorized: token expired");
    assertThat(connect("garbage").get(5, TimeUnit.SECONDS)).startsWith("closed:4001");
    // Which of two tokens would count is not obvious: refused, as HTTP routes refuse it.
    sandbox.time.setOffset(Duration.ZERO);
    assertThat(connect(wsToken + "&token=garbage").get(5, TimeUnit.SECONDS))
        .isEqualTo(
            "closed:"
                + dev.tokensandbox.backend.internal.http.WsOut.CLOSE_BAD_REQUEST
                + ":bad_request: token: must be given once (got 2 values)");
  }

  private CompletableFuture<String> connect(String token) {
    CompletableFuture<String> first = new CompletableFuture<>();
    String url = sandbox.server.url().replace("http", "ws") + "/ws?token=" + token;
    sandbox.http.newWebSocket(
        new Request.Builder().url(url).build(),
        new WebSocketListener() {
          @Override
          public void onMessage(WebSocket webSocket, String text) {
            first.complete("message:" + text);
            webSocket.close(1000, "done");
          }

          @Override
          public void onClosing(WebSocket webSocket, int code, String reason) {
            first.complete("closed:" + code + ":" + reason);
            webSocket.close(1000, null);
          }

          @Override
          public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            first.complete("failure:" + t);
          }
        });
    return first;
  }
}
