package dev.tokensandbox.backend.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.agora.media.AccessToken;
import io.agora.media.AccessToken2;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** One test per lint code; tokens are built with the official classes so any value is possible. */
class TokenLinterTest {
  private static final long NOW = TestFixtures.NOW.getEpochSecond();
  private final TokenLinter linter = new TokenLinter(TestFixtures.clock());

  @Test
  void healthyTokenHasNoWarnings() {
    assertThat(codes(rtc(NOW, 3600, "room", "42", Map.of(1, 3600, 2, 3600)))).isEmpty();
  }

  @Test
  void tokenExpired() {
    assertThat(lint(rtc(NOW - 7200, 3600, "room", "42", Map.of(1, 3600))))
        .anySatisfy(
            w -> {
              assertThat(w.code()).isEqualTo(LintCode.TOKEN_EXPIRED);
              assertThat(w.message()).contains("expired 1 h ago");
              assertThat(w.fix()).isNotBlank();
            });
  }

  @Test
  void expiresSoon() {
    assertThat(codes(rtc(NOW - 3590, 3600, "room", "42", Map.of(1, 3600))))
        .containsExactly(LintCode.EXPIRES_SOON);
  }

  @Test
  void lifetimeOver24h() {
    assertThat(codes(rtc(NOW, 172_800, "room", "42", Map.of(1, 172_800))))
        .contains(LintCode.LIFETIME_OVER_24H);
  }

  @Test
  void joinBeforePublish() {
    assertThat(codes(rtc(NOW, 3600, "room", "42", Map.of(1, 600, 2, 3600, 3, 3600))))
        .containsExactly(LintCode.JOIN_BEFORE_PUBLISH);
  }

  @Test
  void privilegeOutlivesToken() {
    assertThat(codes(rtc(NOW, 600, "room", "42", Map.of(1, 3600))))
        .containsExactly(LintCode.PRIVILEGE_OUTLIVES_TOKEN);
  }

  @Test
  void expireLooksAbsolute() {
    assertThat(codes(rtc(NOW, (int) NOW + 3600, "room", "42", Map.of(1, 3600))))
        .containsExactly(LintCode.EXPIRE_LOOKS_ABSOLUTE);
  }

  @Test
  void expireLooksMillis() {
    assertThat(codes(rtc(NOW, 3_600_000, "room", "42", Map.of(1, 3_600_000))))
        .containsExactly(LintCode.EXPIRE_LOOKS_MILLIS, LintCode.EXPIRE_LOOKS_MILLIS);
  }

  @Test
  void expireLooksRelativeIn006() {
    assertThat(codes(legacy(Map.of(1, 3600)))).contains(LintCode.EXPIRE_LOOKS_RELATIVE);
  }

  @Test
  void wildcardUid() {
    assertThat(codes(rtc(NOW, 3600, "room", "", Map.of(1, 3600))))
        .containsExactly(LintCode.WILDCARD_UID);
  }

  @Test
  void wildcardChannel() {
    assertThat(codes(rtc(NOW, 3600, "", "42", Map.of(1, 3600))))
        .containsExactly(LintCode.WILDCARD_CHANNEL);
  }

  @Test
  void userAccount() {
    assertThat(codes(rtc(NOW, 3600, "room", "alice", Map.of(1, 3600))))
        .containsExactly(LintCode.USER_ACCOUNT);
  }

  @Test
  void uidNotUint32() {
    // What the official builder writes for uid 3000000000 passed through a Java int.
    assertThat(codes(rtc(NOW, 3600, "room", "-1294967296", Map.of(1, 3600))))
        .containsExactly(LintCode.UID_NOT_UINT32);
  }

  @Test
  void legacy006() {
    assertThat(codes(legacy(Map.of(1, (int) NOW + 3600)))).containsExactly(LintCode.LEGACY_006);
  }

  @Test
  void privilegesEndingTogetherAreOneFindingNamingThemAll() {
    int past = (int) NOW - 7200;
    List<LintWarning> found = lint(legacy(Map.of(1, past, 2, past, 3, past, 4, past)));

    assertThat(found).filteredOn(w -> w.code() == LintCode.TOKEN_EXPIRED).hasSize(1);
    assertThat(found)
        .filteredOn(w -> w.code() == LintCode.TOKEN_EXPIRED)
        .first()
        .satisfies(
            w ->
                assertThat(w.message())
                    .startsWith(
                        "joinChannel, publishAudioStream, publishVideoStream, publishDataStream"
                            + " expired"));
    // Different instants stay different findings.
    assertThat(lint(legacy(Map.of(1, past, 2, past - 60))))
        .filteredOn(w -> w.code() == LintCode.TOKEN_EXPIRED)
        .hasSize(2);
  }

  @Test
  void issuedInFuture() {
    assertThat(codes(rtc(NOW + 300, 3600, "room", "42", Map.of(1, 3600))))
        .containsExactly(LintCode.ISSUED_IN_FUTURE);
    assertThat(codes(rtc(NOW + 6, 3600, "room", "42", Map.of(1, 3600))))
        .containsExactly(LintCode.ISSUED_IN_FUTURE);
  }

  @Test
  void aServerClockAMomentAheadIsNoFinding() {
    assertThat(codes(rtc(NOW + 1, 3600, "room", "42", Map.of(1, 3600)))).isEmpty();
    assertThat(codes(rtc(NOW + 5, 3600, "room", "42", Map.of(1, 3600)))).isEmpty();
  }

  @Test
  void jwtExpInMillis() {
    assertThat(
            codes(
                jwt(
                    new JWTClaimsSet.Builder()
                        .subject("u")
                        .claim("iat", NOW)
                        .claim("exp", (NOW + 600) * 1000)
                        .build())))
        .containsExactly(LintCode.JWT_EXP_MILLIS);
  }

  @Test
  void jwtWithoutExp() {
    assertThat(codes(jwt(new JWTClaimsSet.Builder().subject("u").claim("iat", NOW).build())))
        .containsExactly(LintCode.JWT_NO_EXP);
  }

  @Test
  void jwtExpiryAndLifetimeAreCheckedToo() {
    assertThat(
            codes(
                jwt(
                    new JWTClaimsSet.Builder()
                        .claim("iat", NOW - 200_000)
                        .claim("exp", NOW - 10)
                        .build())))
        .containsExactlyInAnyOrder(LintCode.TOKEN_EXPIRED, LintCode.LIFETIME_OVER_24H);
  }

  private List<LintWarning> lint(String token) {
    return linter.lint((DecodedToken) TokenDecoder.decode(token));
  }

  private List<LintCode> codes(String token) {
    return lint(token).stream().map(LintWarning::code).toList();
  }

  static String rtc(
      long issueTs, int expire, String channel, String uid, Map<Integer, Integer> privileges) {
    AccessToken2 token = new AccessToken2();
    token.appId = TestFixtures.APP_ID;
    token.appCert = TestFixtures.CERTIFICATE;
    token.issueTs = (int) issueTs;
    token.expire = expire;
    token.salt = 1;
    AccessToken2.ServiceRtc service = new AccessToken2.ServiceRtc(channel, uid);
    privileges.forEach((id, seconds) -> service.privileges.put(id.shortValue(), seconds));
    token.addService(service);
    try {
      return token.build();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String legacy(Map<Integer, Integer> privileges) {
    AccessToken token =
        new AccessToken(TestFixtures.APP_ID, TestFixtures.CERTIFICATE, "room", "42");
    token.message.ts = (int) NOW + 86_400;
    token.message.messages = new TreeMap<>();
    privileges.forEach((id, ts) -> token.message.messages.put(id.shortValue(), ts));
    try {
      return token.build();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String jwt(JWTClaimsSet claims) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
      jwt.sign(new MACSigner(new byte[32]));
      return jwt.serialize();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
