package dev.tokensandbox.backend.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JwtIssuerTest {
  private static final byte[] SECRET =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private final JwtIssuer issuer =
      new JwtIssuer(SECRET, TestFixtures.clock(), TestFixtures.fixedSalt(1));

  @Test
  void chatSdkTokenCarriesSubjectTimesAndScope() {
    IssuedToken issued =
        issuer.issue(JwtKind.CHATSDK, "user-123", 86_400, Map.of("name", "Alice Johnson"));

    JwtInfo jwt = TestFixtures.decodeAs(JwtInfo.class, issued.token());
    assertThat(jwt.algorithm()).isEqualTo("HS256");
    assertThat(jwt.claims())
        .containsEntry("sub", "user-123")
        .containsEntry("scope", "rest")
        .containsEntry("aud", "chatsdk-api")
        .containsEntry("name", "Alice Johnson");
    assertThat(jwt.numericClaim("iat")).contains(TestFixtures.NOW.getEpochSecond());
    assertThat(jwt.numericClaim("exp")).contains(TestFixtures.NOW.getEpochSecond() + 86_400);
    assertThat(issued.expiresAt()).isEqualTo(TestFixtures.NOW.plusSeconds(86_400));
  }

  @Test
  void wsAndRingnityFlowsHaveTheirOwnAudience() {
    assertThat(
            TestFixtures.decodeAs(JwtInfo.class, issuer.issue(JwtKind.CHATSDK_WS, "u", 60).token())
                .claims())
        .containsEntry("scope", "ws")
        .containsEntry("aud", "chatsdk-ws");
    assertThat(
            TestFixtures.decodeAs(
                    JwtInfo.class, issuer.issue(JwtKind.RINGNITY, "customer-123", 900).token())
                .claims())
        .containsEntry("scope", "visitor-context")
        .containsEntry("aud", "ringnity-runtime");
  }

  @Test
  void verifiesWithTheSecretAndFailsWithAnother() {
    JwtInfo jwt =
        TestFixtures.decodeAs(JwtInfo.class, issuer.issue(JwtKind.CHATSDK, "u", 60).token());

    assertThat(
            TokenVerifier.verify(
                    jwt, VerificationKeys.jwtSecret(new String(SECRET, StandardCharsets.UTF_8)))
                .verdict())
        .isEqualTo(Verification.Verdict.VALID);
    assertThat(TokenVerifier.verify(jwt, VerificationKeys.jwtSecret("wrong")).verdict())
        .isEqualTo(Verification.Verdict.INVALID);
    assertThat(TokenVerifier.verify(jwt, VerificationKeys.none()).verdict())
        .isEqualTo(Verification.Verdict.NOT_VERIFIED);
  }

  @Test
  void unsignedAndAsymmetricTokensAreNeverReportedValid() {
    String claims = b64("{\"sub\":\"u\",\"exp\":1900000000}");
    JwtInfo none =
        TestFixtures.decodeAs(JwtInfo.class, b64("{\"alg\":\"none\"}") + "." + claims + ".");
    JwtInfo rs =
        TestFixtures.decodeAs(JwtInfo.class, b64("{\"alg\":\"RS256\"}") + "." + claims + ".c2ln");

    assertThat(TokenVerifier.verify(none, VerificationKeys.jwtSecret("s")).verdict())
        .isEqualTo(Verification.Verdict.INVALID);
    assertThat(TokenVerifier.verify(rs, VerificationKeys.jwtSecret("s")))
        .satisfies(
            v -> {
              assertThat(v.verdict()).isEqualTo(Verification.Verdict.NOT_VERIFIED);
              assertThat(v.detail()).contains("public key");
            });
  }

  @Test
  void shortSecretsAndBadInputAreRejectedWithTheField() {
    assertThatThrownBy(
            () -> new JwtIssuer(new byte[8], TestFixtures.clock(), TestFixtures.fixedSalt(1)))
        .hasMessage("secret: must be at least 32 bytes for HS256");
    assertThatThrownBy(() -> issuer.issue(JwtKind.CHATSDK, " ", 60))
        .hasMessage("sub: must not be empty");
    assertThatThrownBy(() -> issuer.issue(JwtKind.CHATSDK, "u", 0))
        .hasMessage("expireSeconds: must be 1..86400 seconds (got 0)");
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
