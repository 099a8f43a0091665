package dev.tokensandbox.backend.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokensandbox.backend.tokens.AccessToken1Info;
import dev.tokensandbox.backend.tokens.AccessToken2Info;
import dev.tokensandbox.backend.tokens.JwtInfo;
import dev.tokensandbox.backend.tokens.ServiceInfo;
import dev.tokensandbox.backend.tokens.TokenDecoder;
import dev.tokensandbox.protocol.admin.SandboxAdmin.SettingsChange;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every request the four seed documents show, sent as they show it, answers as they show. */
class SeedVerbatimTest {
  static ServerFixture sandbox;

  @BeforeAll
  static void start() {
    sandbox = new ServerFixture();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void seed001ShengwangCurlGetsAPlainTextAccessToken2() {
    ServerFixture.Reply reply =
        sandbox.get(
            "/api/agora/token?channelName=test&uid=12345&role=publisher&expireSeconds=3600");

    assertThat(reply.code()).isEqualTo(200);
    assertThat(reply.contentType()).startsWith("text/plain");
    AccessToken2Info token = (AccessToken2Info) TokenDecoder.decode(reply.body());
    assertThat(token.expire()).isEqualTo(3600);
    assertThat(token.service(ServiceInfo.RTC).orElseThrow().fields())
        .containsEntry("channelName", "test")
        .containsEntry("uid", "12345");
    assertThat(token.service(ServiceInfo.RTC).orElseThrow().privileges()).hasSize(4);
  }

  @Test
  void seed001DefaultsAndMissingChannel() {
    AccessToken2Info token =
        (AccessToken2Info)
            TokenDecoder.decode(sandbox.get("/api/agora/token?channelName=test").body());
    assertThat(token.expire()).isEqualTo(3600);
    assertThat(token.service(ServiceInfo.RTC).orElseThrow().fields()).containsEntry("uid", "");
    assertThat(token.service(ServiceInfo.RTC).orElseThrow().privileges()).hasSize(4);

    ServerFixture.Reply missing = sandbox.get("/api/agora/token?uid=1");
    assertThat(missing.code()).isEqualTo(400);
    assertThat(missing.json().path("field").asText()).isEqualTo("channelName");

    AccessToken2Info wildcard =
        (AccessToken2Info) TokenDecoder.decode(sandbox.get("/api/agora/token?channelName=").body());
    assertThat(wildcard.service(ServiceInfo.RTC).orElseThrow().fields())
        .containsEntry("channelName", "");
  }

  @Test
  void seed002GinRoutesAnswerAsTheTutorialShows() {
    assertThat(sandbox.get("/ping").json().toString()).isEqualTo("{\"message\":\"pong\"}");

    for (String type : List.of("userAccount", "uid")) {
      JsonNode rtc = sandbox.get("/rtc/testing/publisher/" + type + "/1234/").json();
      assertThat(fieldNames(rtc)).containsExactly("rtcToken");
      AccessToken2Info token =
          (AccessToken2Info) TokenDecoder.decode(rtc.path("rtcToken").asText());
      assertThat(token.service(ServiceInfo.RTC).orElseThrow().fields())
          .containsEntry("channelName", "testing")
          .containsEntry("uid", "1234");

      JsonNode rte = sandbox.get("/rte/testing/publisher/" + type + "/1234/").json();
      assertThat(fieldNames(rte)).containsExactly("rtcToken", "rtmToken");
    }
    JsonNode rtm = sandbox.get("/rtm/1234/").json();
    assertThat(
            ((AccessToken2Info) TokenDecoder.decode(rtm.path("rtmToken").asText()))
                .service(ServiceInfo.RTM)
                .orElseThrow()
                .fields())
        .containsEntry("userId", "1234");
    assertThat(
            sandbox
                .get("/rtc/testing/publisher/uid/1234/?expiry=600")
                .json()
                .path("rtcToken")
                .asText())
        .startsWith("007");
  }

  @Test
  void seed002LegacySwitchIssues006LikeTheTutorialsTokens() {
    sandbox.server.admin().updateSettings(SettingsChange.ginLegacyTokens(true));
    try {
      JsonNode rte = sandbox.get("/rte/testing/publisher/uid/1234/").json();
      AccessToken1Info rtc = (AccessToken1Info) TokenDecoder.decode(rte.path("rtcToken").asText());
      AccessToken1Info rtm = (AccessToken1Info) TokenDecoder.decode(rte.path("rtmToken").asText());
      assertThat(rtc.channelMatches("testing")).isTrue();
      assertThat(rtc.uidMatches("1234")).isTrue();
      assertThat(rtm.channelMatches("1234")).isTrue();
    } finally {
      sandbox.server.admin().updateSettings(SettingsChange.ginLegacyTokens(false));
    }
  }

  @Test
  void seed000RingnityCurlGetsARuntimeTokenThroughTheProviderMock() {
    ServerFixture.Reply reply =
        sandbox.post(
            "/ringnity/runtime-token",
            """
        {
        "userId": "customer-123",
        "name": "Demo Customer",
        "email": "customer@example.com"
        }""",
            "Content-Type",
            "application/json");

    assertThat(reply.code()).isEqualTo(200);
    JsonNode body = reply.json();
    assertThat(fieldNames(body)).containsExactly("token", "expiresIn", "tokenType");
    assertThat(body.path("token").asText()).startsWith("eyJhbGciOi");
    assertThat(body.path("expiresIn").asInt()).isEqualTo(900);
    assertThat(body.path("tokenType").asText()).isEqualTo("Bearer");
    JwtInfo jwt = (JwtInfo) TokenDecoder.decode(body.path("token").asText());
    assertThat(jwt.claims())
        .containsEntry("sub", "customer-123")
        .containsEntry("email", "customer@example.com")
        .containsEntry("source", "android-app");
    assertThat(sandbox.server.admin().journal(10).entries())
        .extracting(e -> e.route())
        .containsSubsequence("ringnity.provider", "ringnity.runtime");
  }

  @Test
  void seed000ProviderMockAnswersTheServerApiShape() {
    ServerFixture.Reply reply =
        sandbox.post(
            "/api/server/visitor-context-token",
            """
        {"visitor":{"externalId":"customer-123","name":"Demo Customer","email":"customer@example.com"},
         "metadata":{"source":"android-app"},"expiresIn":900}""",
            "Authorization",
            "Bearer " + ServerFixture.WORKSPACE.ringnityApiKey());

    JsonNode body = reply.json();
    assertThat(body.path("success").asBoolean()).isTrue();
    assertThat(fieldNames(body.path("data")))
        .containsExactly("contextToken", "expiresIn", "tokenType");
    assertThat(
            sandbox
                .post(
                    "/api/server/visitor-context-token",
                    "{}",
                    "Authorization",
                    "Bearer rn_sk_live_xxx")
                .code())
        .isEqualTo(401);
  }

  @Test
  void seed003ProviderTokensEndpointAnswersTheDocumentedShape() {
    ServerFixture.Reply reply =
        sandbox.post(
            "/tokens",
            """
        {
        "userId": "user-123",
        "name": "Alice Johnson",
        "image": "https://example.com/alice.png",
        "custom": {
        "department": "Engineering",
        "role": "Senior Developer"
        }
        }""",
            "X-API-Key",
            ServerFixture.WORKSPACE.chatsdkApiKey(),
            "Content-Type",
            "application/json");

    JsonNode body = reply.json();
    assertThat(fieldNames(body)).containsExactly("token", "wsToken", "user", "expiresIn");
    assertThat(body.path("token").asText())
        .startsWith("eyJhbGciOiJIUzI1NiJ9")
        .isNotEqualTo(body.path("wsToken").asText());
    assertThat(body.path("user").toString())
        .isEqualTo(
            "{\"id\":\"user-123\",\"name\":\"Alice Johnson\",\"image\":\"https://example.com/alice.png\"}");
    assertThat(body.path("expiresIn").asInt()).isEqualTo(86_400);

    ServerFixture.Reply wrongKey =
        sandbox.post("/tokens", "{\"userId\":\"u\"}", "X-API-Key", "chatsdk_abc123");
    assertThat(wrongKey.code()).isEqualTo(401);
    assertThat(wrongKey.json().path("error").asText()).isEqualTo("invalid_api_key");
    assertThat(wrongKey.json().path("field").asText()).isEqualTo("X-API-Key");
    assertThat(wrongKey.json().path("message").asText()).startsWith("Invalid API key");
  }

  @Test
  void seed003UpsertsUsersByUserId() {
    int before = sandbox.server.admin().tokens().size();
    for (String name : List.of("First", "Second")) {
      sandbox.post(
          "/tokens",
          "{\"userId\":\"upsert-1\",\"name\":\"" + name + "\"}",
          "X-API-Key",
          ServerFixture.WORKSPACE.chatsdkApiKey());
    }
    String token =
        sandbox
            .post(
                "/tokens",
                "{\"userId\":\"upsert-1\"}",
                "X-API-Key",
                ServerFixture.WORKSPACE.chatsdkApiKey())
            .json()
            .path("token")
            .asText();
    assertThat(
            sandbox
                .get("/api/users/me", "Authorization", "Bearer " + token)
                .json()
                .path("user")
                .path("id")
                .asText())
        .isEqualTo("upsert-1");
    assertThat(sandbox.server.admin().tokens().size()).isEqualTo(before + 6);
  }

  @Test
  void seed003CustomerRouteRelaysTokensForALoggedInUser() {
    String session = sandbox.login("alice", "alice-demo");

    ServerFixture.Reply reply = sandbox.post("/api/auth/chat-token", "", "Authorization", session);

    assertThat(reply.code()).isEqualTo(200);
    JsonNode body = reply.json();
    assertThat(fieldNames(body)).containsExactly("token", "wsToken", "user", "expiresIn");
    assertThat(body.path("user").path("id").asText()).isEqualTo("user-123");
    assertThat(
            sandbox
                .get("/api/users/me", "Authorization", "Bearer " + body.path("token").asText())
                .code())
        .isEqualTo(200);
  }

  static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}
