package dev.tokensandbox.backend.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tokens issued with a fixed issue time and salt, kept as data: byte-exact and decodable. */
class FixedVectorsTest {

  static Stream<Arguments> issued() {
    return TokenVectors.read("issued-tokens.tsv").stream().map(row -> Arguments.of(row[0], row));
  }

  static Stream<Arguments> seed006() {
    return TokenVectors.read("seed-006-tokens.tsv").stream().map(row -> Arguments.of(row[0], row));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("issued")
  void issuingTheSameInputsGivesTheSameToken(String name, String[] row) {
    assertThat(issue(row)).isEqualTo(row[9]);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("issued")
  void vectorDecodesToItsInputsAndVerifies(String name, String[] row) {
    DecodedToken token = (DecodedToken) TokenDecoder.decode(row[9]);
    String user = row[3].isEmpty() ? "" : row[3].substring(row[3].indexOf(':') + 1);
    if (token instanceof AccessToken2Info t) {
      assertThat(t.issueTs()).isEqualTo(Long.parseLong(row[7]));
      assertThat(t.salt()).isEqualTo(Long.parseLong(row[8]));
      assertThat(t.expire()).isEqualTo(Long.parseLong(row[5]));
      ServiceInfo service = t.services().get(0);
      if (row[1].equals("rtc")) {
        assertThat(service.fields())
            .containsEntry("channelName", row[2])
            .containsEntry("uid", user.equals("0") ? "" : user);
        assertThat(service.privileges())
            .hasSize(row[4].equals("publisher") ? 4 : 1)
            .allMatch(p -> p.expire() == Long.parseLong(row[6]));
      } else if (!row[1].equals("chat-app")) {
        assertThat(service.fields()).containsEntry("userId", user);
      }
      assertThat(
              TokenVerifier.verify(t, VerificationKeys.certificate(TestFixtures.CERTIFICATE))
                  .verdict())
          .isEqualTo(Verification.Verdict.VALID);
    } else {
      AccessToken1Info t = (AccessToken1Info) token;
      assertThat(t.salt()).isEqualTo(Long.parseLong(row[8]));
      String channel = row[1].equals("legacy-rtm") ? user : row[2];
      String uid = row[1].equals("legacy-rtm") ? "" : user;
      assertThat(t.channelMatches(channel)).isTrue();
      assertThat(
              TokenVerifier.verify(
                      t,
                      VerificationKeys.certificate(TestFixtures.CERTIFICATE)
                          .withGuess(channel, uid))
                  .verdict())
          .isEqualTo(Verification.Verdict.VALID);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("seed006")
  void seedTutorialTokensDecodeAndMatchTheirChannelAndUid(String name, String[] row) {
    AccessToken1Info t = TestFixtures.decodeAs(AccessToken1Info.class, row[4]);

    assertThat(t.appId()).isEqualTo(row[1]);
    assertThat(t.channelMatches(row[2])).isTrue();
    assertThat(t.channelMatches(row[2] + "x")).isFalse();
    assertThat(t.uidMatches(row[3])).isTrue();
    assertThat(t.uidMatches("4321")).isFalse();
    if (name.endsWith("rtm")) {
      assertThat(t.privileges()).extracting(PrivilegeInfo::name).containsExactly("rtmLogin");
    } else {
      assertThat(t.privileges())
          .extracting(PrivilegeInfo::name)
          .containsExactly(
              "joinChannel", "publishAudioStream", "publishVideoStream", "publishDataStream");
    }
    assertThat(TokenVerifier.verify(t, VerificationKeys.none()).verdict())
        .isEqualTo(Verification.Verdict.NOT_VERIFIED);
  }

  private static String issue(String[] row) {
    AgoraTokenIssuer issuer =
        new AgoraTokenIssuer(
            TestFixtures.CREDENTIALS,
            TestFixtures.clockAt(Instant.ofEpochSecond(Long.parseLong(row[7]))),
            TestFixtures.fixedSalt(Integer.parseInt(row[8])));
    int expire = Integer.parseInt(row[5]);
    String user = row[3].isEmpty() ? "" : row[3].substring(row[3].indexOf(':') + 1);
    return switch (row[1]) {
      case "rtc" -> issuer.rtc(rtcRequest(row, user, expire)).token();
      case "legacy-rtc" -> issuer.legacyRtc(rtcRequest(row, user, expire)).token();
      case "rtm" -> issuer.rtm(user, expire).token();
      case "legacy-rtm" -> issuer.legacyRtm(user, expire).token();
      case "chat-user" -> issuer.chatUser(user, expire).token();
      case "chat-app" -> issuer.chatApp(expire).token();
      default -> throw new IllegalArgumentException("unknown kind " + row[1]);
    };
  }

  private static RtcTokenRequest rtcRequest(String[] row, String user, int expire) {
    RtcUser rtcUser =
        row[3].startsWith("uid:") ? RtcUser.uid(Long.parseLong(user)) : RtcUser.account(user);
    return RtcTokenRequest.forRole(
        row[2], rtcUser, RtcRole.parse("role", row[4]), expire, Integer.parseInt(row[6]));
  }
}
