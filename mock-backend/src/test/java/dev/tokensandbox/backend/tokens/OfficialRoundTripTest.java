package dev.tokensandbox.backend.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import io.agora.chat.ChatTokenBuilder2;
import io.agora.media.RtcTokenBuilder;
import io.agora.media.RtcTokenBuilder2;
import io.agora.rtm.RtmTokenBuilder2;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Tokens built by Agora's official builders decode to exactly the inputs, verify with the right
 * certificate and fail with a wrong one.
 */
class OfficialRoundTripTest {
  private static final String ID = TestFixtures.APP_ID;
  private static final String CERT = TestFixtures.CERTIFICATE;

  @Provide
  Arbitrary<String> channels() {
    return Arbitraries.strings()
        .withChars(
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                + TokenRules.ALLOWED_PUNCTUATION)
        .ofMinLength(1)
        .ofMaxLength(63);
  }

  @Provide
  Arbitrary<String> accounts() {
    return Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(1).ofMaxLength(255);
  }

  @Property(tries = 200, seed = "20261124")
  void rtcByUidDecodesToItsInputs(
      @ForAll("channels") String channel,
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int uid,
      @ForAll boolean publisher,
      @ForAll @IntRange(min = 1, max = 86_400) int tokenExpire,
      @ForAll @IntRange(min = 1, max = 86_400) int privilegeExpire) {
    RtcTokenBuilder2.Role role =
        publisher ? RtcTokenBuilder2.Role.ROLE_PUBLISHER : RtcTokenBuilder2.Role.ROLE_SUBSCRIBER;
    String token =
        new RtcTokenBuilder2()
            .buildTokenWithUid(ID, CERT, channel, uid, role, tokenExpire, privilegeExpire);

    AccessToken2Info info = TestFixtures.decodeAs(AccessToken2Info.class, token);

    assertThat(info.appId()).isEqualTo(ID);
    assertThat(info.expire()).isEqualTo(tokenExpire);
    ServiceInfo rtc = info.service(ServiceInfo.RTC).orElseThrow();
    assertThat(rtc.fields())
        .containsEntry("channelName", channel)
        .containsEntry("uid", uid == 0 ? "" : Integer.toString(uid));
    assertThat(rtc.privileges())
        .extracting(PrivilegeInfo::id)
        .containsExactlyElementsOf(
            publisher ? java.util.List.of(1, 2, 3, 4) : java.util.List.of(1));
    assertThat(rtc.privileges()).allMatch(p -> p.expire() == privilegeExpire);
    assertVerifies(info);
  }

  @Property(tries = 100, seed = "20261124")
  void rtcByAccountWithFineGrainedPrivilegesDecodesToItsInputs(
      @ForAll("channels") String channel,
      @ForAll("accounts") String account,
      @ForAll @IntRange(min = 1, max = 86_400) int tokenExpire,
      @ForAll @IntRange(min = 1, max = 86_400) int join,
      @ForAll @IntRange(min = 1, max = 86_400) int audio,
      @ForAll @IntRange(min = 1, max = 86_400) int video,
      @ForAll @IntRange(min = 1, max = 86_400) int data) {
    String token =
        new RtcTokenBuilder2()
            .buildTokenWithUserAccount(
                ID, CERT, channel, account, tokenExpire, join, audio, video, data);

    AccessToken2Info info = TestFixtures.decodeAs(AccessToken2Info.class, token);

    ServiceInfo rtc = info.service(ServiceInfo.RTC).orElseThrow();
    assertThat(rtc.fields()).containsEntry("channelName", channel).containsEntry("uid", account);
    assertThat(rtc.privileges())
        .extracting(PrivilegeInfo::expire)
        .containsExactly((long) join, (long) audio, (long) video, (long) data);
    assertVerifies(info);
  }

  @Property(tries = 100, seed = "20261124")
  void rtmAndChatTokensDecodeToTheirInputs(
      @ForAll("accounts") String user, @ForAll @IntRange(min = 1, max = 86_400) int expire) {
    AccessToken2Info rtm =
        TestFixtures.decodeAs(
            AccessToken2Info.class, new RtmTokenBuilder2().buildToken(ID, CERT, user, expire));
    AccessToken2Info chatUser =
        TestFixtures.decodeAs(
            AccessToken2Info.class, new ChatTokenBuilder2().buildUserToken(ID, CERT, user, expire));
    AccessToken2Info chatApp =
        TestFixtures.decodeAs(
            AccessToken2Info.class, new ChatTokenBuilder2().buildAppToken(ID, CERT, expire));

    assertThat(rtm.service(ServiceInfo.RTM).orElseThrow().fields()).containsEntry("userId", user);
    assertThat(rtm.service(ServiceInfo.RTM).orElseThrow().privileges())
        .containsExactly(new PrivilegeInfo(1, "login", expire));
    assertThat(chatUser.service(ServiceInfo.CHAT).orElseThrow().privileges())
        .containsExactly(new PrivilegeInfo(1, "user", expire));
    assertThat(chatApp.service(ServiceInfo.CHAT).orElseThrow().privileges())
        .containsExactly(new PrivilegeInfo(2, "app", expire));
    assertVerifies(rtm);
    assertVerifies(chatUser);
    assertVerifies(chatApp);
  }

  @Property(tries = 100, seed = "20261124")
  void legacy006DecodesAndVerifiesWithTheRightGuess(
      @ForAll("channels") String channel,
      @ForAll @IntRange(min = 1, max = Integer.MAX_VALUE) int uid,
      @ForAll @IntRange(min = 1_800_000_000, max = 2_000_000_000) int privilegeTs) {
    String token =
        new RtcTokenBuilder()
            .buildTokenWithUid(
                ID, CERT, channel, uid, RtcTokenBuilder.Role.Role_Publisher, privilegeTs);

    AccessToken1Info info = TestFixtures.decodeAs(AccessToken1Info.class, token);

    assertThat(info.appId()).isEqualTo(ID);
    assertThat(info.channelMatches(channel)).isTrue();
    assertThat(info.uidMatches(Integer.toString(uid))).isTrue();
    assertThat(info.privileges())
        .extracting(PrivilegeInfo::expire)
        .containsOnly((long) privilegeTs);
    VerificationKeys keys =
        VerificationKeys.certificate(CERT).withGuess(channel, Integer.toString(uid));
    assertThat(TokenVerifier.verify(info, keys).verdict()).isEqualTo(Verification.Verdict.VALID);
    assertThat(
            TokenVerifier.verify(
                    info,
                    VerificationKeys.certificate(TestFixtures.OTHER_CERTIFICATE)
                        .withGuess(channel, Integer.toString(uid)))
                .verdict())
        .isEqualTo(Verification.Verdict.INVALID);
  }

  private static void assertVerifies(AccessToken2Info info) {
    assertThat(TokenVerifier.verify(info, VerificationKeys.certificate(CERT)).verdict())
        .isEqualTo(Verification.Verdict.VALID);
    assertThat(
            TokenVerifier.verify(info, VerificationKeys.certificate(TestFixtures.OTHER_CERTIFICATE))
                .verdict())
        .isEqualTo(Verification.Verdict.INVALID);
    assertThat(TokenVerifier.verify(info, VerificationKeys.none()).verdict())
        .isEqualTo(Verification.Verdict.NOT_VERIFIED);
  }
}
