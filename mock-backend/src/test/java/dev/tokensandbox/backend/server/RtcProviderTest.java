package dev.tokensandbox.backend.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokensandbox.protocol.admin.SandboxAdmin.SettingsChange;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The provider RTC mock checks tokens like the real service and answers Agora's codes. */
class RtcProviderTest {
  private final ServerFixture sandbox = new ServerFixture();

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private String token(String query) {
    return sandbox.get("/api/agora/token?" + query).body();
  }

  private ServerFixture.Reply join(String token, String channel, String identity) {
    return sandbox.post(
        "/provider/rtc/join",
        "{\"token\":\"" + token + "\",\"channelName\":\"" + channel + "\"," + identity + "}");
  }

  @Test
  void validTokenJoinsAndReportsThePrivilegeExpiries() {
    ServerFixture.Reply reply =
        join(
            token("channelName=room&uid=42&expireSeconds=600&joinChannelExpire=300"),
            "room",
            "\"uid\":42");

    assertThat(reply.code()).isEqualTo(200);
    JsonNode body = reply.json();
    assertThat(body.path("code").asInt()).isZero();
    long start = ServerFixture.START.getEpochSecond();
    assertThat(body.path("tokenExpiresAt").asLong()).isEqualTo(start + 600);
    assertThat(body.path("privilegeExpiresAt").path("joinChannel").asLong()).isEqualTo(start + 300);
    assertThat(body.path("privilegeExpiresAt").path("publishAudioStream").asLong())
        .isEqualTo(start + 600);
    assertThat(body.path("canPublish").asBoolean()).isTrue();
  }

  @Test
  void wildcardTokenJoinsAnyUidAndChannel() {
    assertThat(join(token("channelName=&uid=0"), "any", "\"uid\":7").json().path("code").asInt())
        .isZero();
  }

  @Test
  void tokenForAnotherUidOrChannelIs110() {
    String token = token("channelName=room&uid=42");
    JsonNode otherUid = join(token, "room", "\"uid\":43").json();
    JsonNode otherChannel = join(token, "hall", "\"uid\":42").json();
    JsonNode accountForUid = join(token, "room", "\"userAccount\":\"alice\"").json();

    assertThat(otherUid.path("code").asInt()).isEqualTo(110);
    assertThat(otherUid.path("reason").asText()).isEqualTo("token is for uid 42, not uid 43");
    assertThat(otherChannel.path("code").asInt()).isEqualTo(110);
    assertThat(accountForUid.path("code").asInt()).isEqualTo(110);
  }

  @Test
  void accountTokenJoinsWithThatAccountOnly() {
    String token = token("channelName=room&userAccount=alice");
    assertThat(join(token, "room", "\"userAccount\":\"alice\"").json().path("code").asInt())
        .isZero();
    assertThat(join(token, "room", "\"uid\":1").json().path("code").asInt()).isEqualTo(110);
  }

  @Test
  void expiredTokenAndExpiredJoinPrivilegeAre109() {
    String token = token("channelName=room&uid=42&expireSeconds=600&joinChannelExpire=300");

    sandbox.time.setOffset(Duration.ofSeconds(300));
    ServerFixture.Reply joinExpired = join(token, "room", "\"uid\":42");
    sandbox.time.setOffset(Duration.ofSeconds(600));
    ServerFixture.Reply tokenExpired =
        sandbox.post(
            "/provider/rtc/renew",
            "{\"token\":\"" + token + "\",\"channelName\":\"room\",\"uid\":42}");

    assertThat(joinExpired.code()).isEqualTo(401);
    assertThat(joinExpired.json().path("code").asInt()).isEqualTo(109);
    assertThat(joinExpired.json().path("reason").asText())
        .startsWith("joinChannel privilege expired");
    assertThat(tokenExpired.json().path("code").asInt()).isEqualTo(109);
    assertThat(tokenExpired.json().path("action").asText()).isEqualTo("renew");
  }

  @Test
  void garbageForeignAndLegacyTokensAre110() {
    String foreign =
        new dev.tokensandbox.backend.tokens.AgoraTokenIssuer(
                new dev.tokensandbox.backend.tokens.AgoraCredentials(
                    "0123456789abcdef0123456789abcdef", "0123456789abcdef0123456789abcdef"),
                sandbox.time,
                new java.util.Random(1))
            .rtc(
                dev.tokensandbox.backend.tokens.RtcTokenRequest.forRole(
                    "room",
                    dev.tokensandbox.backend.tokens.RtcUser.uid(42),
                    dev.tokensandbox.backend.tokens.RtcRole.PUBLISHER,
                    600,
                    600))
            .token();
    sandbox.server.admin().updateSettings(SettingsChange.ginLegacyTokens(true));
    String legacy = sandbox.get("/rtc/room/publisher/uid/42/").json().path("rtcToken").asText();

    assertThat(join("garbage", "room", "\"uid\":42").json().path("code").asInt()).isEqualTo(110);
    assertThat(join(foreign, "room", "\"uid\":42").json().path("reason").asText())
        .contains("another App ID");
    assertThat(join(legacy, "room", "\"uid\":42").json().path("reason").asText())
        .contains("not an AccessToken2");
  }

  @Test
  void aTokenForTheAccount0DoesNotJoinAsUid0() {
    String account0 =
        new dev.tokensandbox.backend.tokens.AgoraTokenIssuer(
                ServerFixture.WORKSPACE.agoraCredentials(), sandbox.time, new java.util.Random(1))
            .rtc(
                dev.tokensandbox.backend.tokens.RtcTokenRequest.forRole(
                    "room",
                    dev.tokensandbox.backend.tokens.RtcUser.account("0"),
                    dev.tokensandbox.backend.tokens.RtcRole.PUBLISHER,
                    600,
                    600))
            .token();

    assertThat(join(account0, "room", "\"uid\":0").json().path("reason").asText())
        .contains("uid 0 joins with the wildcard");
    assertThat(join(account0, "room", "\"userAccount\":\"0\"").json().path("code").asInt())
        .isZero();
  }

  @Test
  void subscriberTokenCannotPublish() {
    JsonNode body =
        join(
                token("channelName=room&uid=42&role=subscriber"),
                "room",
                "\"uid\":42,\"role\":\"publisher\"")
            .json();
    assertThat(body.path("code").asInt()).isZero();
    assertThat(body.path("canPublish").asBoolean()).isFalse();
    assertThat(body.path("publishDenied").asBoolean()).isTrue();
  }
}
