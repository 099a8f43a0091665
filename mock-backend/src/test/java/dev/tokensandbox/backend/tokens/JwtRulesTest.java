package dev.tokensandbox.backend.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** JWTs from elsewhere: nbf, nested claims, unsigned and crit tokens, and the workspace's keys. */
class JwtRulesTest {
  private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();
  private static final long NOW = TestFixtures.NOW.getEpochSecond();

  @Test
  void nbfInTheFutureIsNotYetValid() {
    String token = jwt(claims().notBeforeTime(seconds(NOW + 600)).build());

    assertThat(codes(token)).contains(LintCode.JWT_NOT_YET_VALID);
    assertThat(codes(jwt(claims().notBeforeTime(seconds(NOW - 60)).build())))
        .doesNotContain(LintCode.JWT_NOT_YET_VALID);
  }

  @Test
  void nbfAtOrAfterExpIsNeverValid() {
    String token = jwt(claims().notBeforeTime(seconds(NOW + 7200)).build());

    assertThat(codes(token)).contains(LintCode.JWT_NBF_AFTER_EXP);
    assertThat(LintCode.JWT_NBF_AFTER_EXP.severity()).isEqualTo(LintCode.Severity.ERROR);
  }

  @Test
  void nestedClaimsPrintAsJson() {
    String token = jwt(claims().claim("ctx", Map.of("room", "r1", "n", 2)).build());

    TokenReport report = TokenReport.of(token, VerificationKeys.none(), TestFixtures.clock());
    TokenField ctx = TokenField.find(report.fields(), "claims.ctx").orElseThrow();

    assertThat(ctx.raw()).isIn("{\"room\":\"r1\",\"n\":2}", "{\"n\":2,\"room\":\"r1\"}");
    assertThat(ctx.human()).isEqualTo(ctx.raw());
    assertThat(TokenField.find(report.fields(), "claims.sub").orElseThrow().raw())
        .isEqualTo("user-1");
  }

  @Test
  void aJwtFromElsewhereIsNotVerifiedByTheWorkspacesSecretButInvalidByAGivenOne() {
    String token = jwt(claims().build());
    DecodedToken decoded = TestFixtures.decodeAs(JwtInfo.class, token);
    String other = "another-secret-another-secret-xx";

    assertThat(verify(decoded, VerificationKeys.assumedJwtSecret(null, other)).verdict())
        .isEqualTo(Verification.Verdict.NOT_VERIFIED);
    assertThat(verify(decoded, VerificationKeys.jwtSecret(other)).verdict())
        .isEqualTo(Verification.Verdict.INVALID);
    assertThat(
            verify(decoded, VerificationKeys.assumedJwtSecret(null, new String(SECRET))).verdict())
        .isEqualTo(Verification.Verdict.VALID);
  }

  @Test
  void algNoneIsInvalidEvenUnderTheWorkspacesSecretAndLintedAsAnError() {
    String token = b64("{\"alg\":\"none\"}") + "." + b64("{\"sub\":\"x\"}") + ".c2ln";
    DecodedToken decoded = TestFixtures.decodeAs(JwtInfo.class, token);

    assertThat(verify(decoded, VerificationKeys.assumedJwtSecret(null, "s")).verdict())
        .isEqualTo(Verification.Verdict.INVALID);
    assertThat(codes(token)).contains(LintCode.JWT_ALG_NONE);
  }

  @Test
  void aCritHeaderIsRefused() {
    JWSHeader header =
        new JWSHeader.Builder(JWSAlgorithm.HS256)
            .type(JOSEObjectType.JWT)
            .criticalParams(Set.of("exp-ext"))
            .customParam("exp-ext", true)
            .build();
    String token = jwt(header, claims().build());
    DecodedToken decoded = TestFixtures.decodeAs(JwtInfo.class, token);

    Verification verification = verify(decoded, VerificationKeys.jwtSecret(new String(SECRET)));
    assertThat(verification.verdict()).isEqualTo(Verification.Verdict.INVALID);
    assertThat(verification.detail()).contains("crit");
    assertThat(codes(token)).contains(LintCode.JWT_CRIT);
  }

  private static JWTClaimsSet.Builder claims() {
    return new JWTClaimsSet.Builder()
        .subject("user-1")
        .issueTime(seconds(NOW - 10))
        .expirationTime(seconds(NOW + 3600));
  }

  private static Date seconds(long epochSecond) {
    return new Date(epochSecond * 1000);
  }

  private static List<LintCode> codes(String token) {
    return new TokenLinter(TestFixtures.clock())
        .lint(TestFixtures.decodeAs(JwtInfo.class, token)).stream().map(LintWarning::code).toList();
  }

  private static Verification verify(DecodedToken token, VerificationKeys keys) {
    return TokenVerifier.verify(token, keys);
  }

  private static String jwt(JWTClaimsSet claims) {
    return jwt(new JWSHeader(JWSAlgorithm.HS256), claims);
  }

  private static String jwt(JWSHeader header, JWTClaimsSet claims) {
    try {
      SignedJWT jwt = new SignedJWT(header, claims);
      jwt.sign(new MACSigner(SECRET));
      return jwt.serialize();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
