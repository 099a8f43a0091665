package dev.tokensandbox.backend.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agora.media.AccessToken2;
import io.agora.media.RtcTokenBuilder2;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgoraTokenIssuerTest {
  private final AgoraTokenIssuer issuer = TestFixtures.issuer();

  @Test
  void issueTimeAndSaltComeFromTheInjectedClockAndRandom() {
    IssuedToken issued =
        issuer.rtc(
            RtcTokenRequest.forRole("test", RtcUser.uid(1234), RtcRole.PUBLISHER, 3600, 3600));

    AccessToken2Info info = TestFixtures.decodeAs(AccessToken2Info.class, issued.token());
    assertThat(info.issuedAt()).isEqualTo(TestFixtures.NOW);
    assertThat(info.salt()).isEqualTo(12345);
    assertThat(issued.salt()).isEqualTo(info.salt());
    assertThat(issued.expiresAt()).isEqualTo(TestFixtures.NOW.plusSeconds(3600));
  }

  @Test
  void rtcTokenIsTheSameTheOfficialBuilderBuildsForTheSameTimeAndSalt() throws Exception {
    IssuedToken ours =
        issuer.rtc(
            RtcTokenRequest.forRole("test", RtcUser.uid(1234), RtcRole.SUBSCRIBER, 3600, 600));
    String official =
        new RtcTokenBuilder2()
            .buildTokenWithUid(
                TestFixtures.APP_ID,
                TestFixtures.CERTIFICATE,
                "test",
                1234,
                RtcTokenBuilder2.Role.ROLE_SUBSCRIBER,
                3600,
                600);

    // The official builder reads the system clock and a random salt: rebuild its parsed token
    // with our issue time and salt, and the bytes must be identical.
    AccessToken2 parsed = new AccessToken2();
    parsed.parse(official);
    parsed.appCert = TestFixtures.CERTIFICATE;
    parsed.issueTs = (int) TestFixtures.NOW.getEpochSecond();
    parsed.salt = 12345;
    assertThat(ours.token()).isEqualTo(parsed.build());
  }

  @Test
  void fineGrainedPrivilegesKeepTheirOwnExpiries() {
    Map<RtcPrivilege, Integer> privileges = new EnumMap<>(RtcPrivilege.class);
    privileges.put(RtcPrivilege.JOIN_CHANNEL, 600);
    privileges.put(RtcPrivilege.PUBLISH_AUDIO_STREAM, 1200);
    IssuedToken issued =
        issuer.rtc(
            RtcTokenRequest.withPrivileges("room", RtcUser.account("alice"), 3600, privileges));

    ServiceInfo rtc =
        TestFixtures.decodeAs(AccessToken2Info.class, issued.token())
            .service(ServiceInfo.RTC)
            .orElseThrow();
    assertThat(rtc.privileges())
        .containsExactly(
            new PrivilegeInfo(1, "joinChannel", 600),
            new PrivilegeInfo(2, "publishAudioStream", 1200));
    assertThat(rtc.fields()).containsEntry("uid", "alice");
  }

  @Test
  void legacyRtcTokenUsesAbsolutePrivilegeExpiries() {
    IssuedToken issued =
        issuer.legacyRtc(
            RtcTokenRequest.forRole("testing", RtcUser.uid(1234), RtcRole.PUBLISHER, 3600, 3600));

    AccessToken1Info info = TestFixtures.decodeAs(AccessToken1Info.class, issued.token());
    long now = TestFixtures.NOW.getEpochSecond();
    assertThat(info.privileges()).extracting(PrivilegeInfo::expire).containsOnly(now + 3600);
    assertThat(info.messageTs()).isEqualTo(now + 86_400);
    assertThat(info.salt()).isEqualTo(12345);
    assertThat(issued.salt()).isEqualTo(info.salt());
    assertThat(info.channelMatches("testing")).isTrue();
    assertThat(info.uidMatches("1234")).isTrue();
  }

  @Test
  void rtmAndChatTokensCarryTheirUser() {
    assertThat(decodeService(issuer.rtm("alice", 600), ServiceInfo.RTM).fields())
        .containsEntry("userId", "alice");
    assertThat(decodeService(issuer.chatUser("bob", 600), ServiceInfo.CHAT).fields())
        .containsEntry("userId", "bob");
    assertThat(decodeService(issuer.chatApp(600), ServiceInfo.CHAT).privileges())
        .containsExactly(new PrivilegeInfo(2, "app", 600));
    assertThat(
            TestFixtures.decodeAs(AccessToken1Info.class, issuer.legacyRtm("alice", 600).token())
                .privileges())
        .extracting(PrivilegeInfo::id)
        .containsExactly(1000);
  }

  @Test
  void invalidInputsNameTheFieldAndTheRule() {
    assertThatThrownBy(
            () -> RtcTokenRequest.forRole("bad/channel", RtcUser.uid(1), RtcRole.PUBLISHER, 60, 60))
        .isInstanceOfSatisfying(
            InvalidTokenRequestException.class,
            e -> {
              assertThat(e.field()).isEqualTo("channelName");
              assertThat(e.rule()).contains("may contain only");
            });
    assertThatThrownBy(
            () -> RtcTokenRequest.forRole("c", RtcUser.uid(1), RtcRole.PUBLISHER, 86_401, 60))
        .isInstanceOfSatisfying(
            InvalidTokenRequestException.class,
            e ->
                assertThat(e.getMessage())
                    .isEqualTo("expireSeconds: must be 1..86400 seconds (got 86401)"));
    assertThatThrownBy(() -> RtcUser.uid(4_294_967_296L))
        .hasMessage("uid: must be an integer in 0..4294967295");
    assertThatThrownBy(
            () ->
                RtcTokenRequest.forRole("x".repeat(64), RtcUser.uid(1), RtcRole.PUBLISHER, 60, 60))
        .hasMessage("channelName: must be at most 63 bytes (got 64)");
    assertThatThrownBy(() -> new AgoraCredentials("short", TestFixtures.CERTIFICATE))
        .hasMessage("appId: must be 32 hexadecimal characters");
    assertThatThrownBy(() -> issuer.rtm("", 60)).hasMessage("userId: must not be empty");
  }

  @Test
  void credentialsNeverPrintTheCertificate() {
    assertThat(TestFixtures.CREDENTIALS.toString()).doesNotContain(TestFixtures.CERTIFICATE);
    IssuedToken issued = issuer.chatApp(60);
    assertThat(issued.toString()).doesNotContain(issued.token());
  }

  private static ServiceInfo decodeService(IssuedToken issued, int type) {
    return TestFixtures.decodeAs(AccessToken2Info.class, issued.token())
        .service(type)
        .orElseThrow();
  }
}
