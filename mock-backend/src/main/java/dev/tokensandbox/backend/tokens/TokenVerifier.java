package dev.tokensandbox.backend.tokens;

import io.agora.media.AccessToken;
import io.agora.media.AccessToken2;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a decoded token's signature against a certificate or secret. Without one it says "not
 * verified"; it never guesses. Comparisons are constant-time.
 *
 * <p>Agora signing keys are derived with the official library ({@link AccessToken2#getSign()},
 * {@link AccessToken#generateSignature}); the decoder's exact signed bytes are then checked.
 */
public final class TokenVerifier {
  /**
   * The privilege a legacy (006) RTM login token carries (RTM v1 puts the user id in the channel
   * slot).
   */
  static final int RTM_LOGIN = 1000;

  private TokenVerifier() {}

  public static Verification verify(DecodedToken token, VerificationKeys keys) {
    VerificationKeys k = keys == null ? VerificationKeys.none() : keys;
    if (token instanceof AccessToken2Info t) {
      return verify007(t, k.appCertificate());
    }
    if (token instanceof AccessToken1Info t) {
      return verify006(t, k);
    }
    return verifyJwt((JwtInfo) token, k.jwtSecret(), k.jwtSecretAssumed());
  }

  private static Verification verify007(AccessToken2Info token, String certificate) {
    if (isBlank(certificate)) {
      return Verification.notVerified("no App Certificate given");
    }
    AccessToken2 signer = new AccessToken2();
    signer.appCert = certificate.strip();
    signer.issueTs = (int) token.issueTs();
    signer.salt = (int) token.salt();
    try {
      byte[] expected = hmac("HmacSHA256", signer.getSign(), token.signedInfo());
      return MessageDigest.isEqual(expected, token.signature())
          ? Verification.valid("signature matches the App Certificate")
          : Verification.invalid("signature does not match this App Certificate");
    } catch (Exception e) {
      // getSign() declares Exception; HMAC-SHA256 is always present, so this is a broken runtime.
      throw new IllegalStateException("HMAC-SHA256 unavailable", e);
    }
  }

  private static Verification verify006(AccessToken1Info token, VerificationKeys keys) {
    if (isBlank(keys.appCertificate())) {
      return Verification.notVerified("no App Certificate given");
    }
    boolean rtm = token.privileges().stream().anyMatch(p -> p.id() == RTM_LOGIN);
    if (rtm && (keys.channelGuess() == null || keys.uidGuess() == null)) {
      return Verification.notVerified(
          "a 006 RTM token's signature covers its user id: give it to verify (decode --user ID)");
    }
    if (keys.channelGuess() == null || keys.uidGuess() == null) {
      return Verification.notVerified(
          "a 006 signature covers the channel and uid; give both to verify it");
    }
    if (!token.channelMatches(keys.channelGuess())) {
      return Verification.notVerified("the channel guess does not match the token's CRC32");
    }
    if (!token.writtenUidMatches(keys.uidGuess())) {
      return Verification.notVerified("the uid guess does not match the token's CRC32");
    }
    try {
      byte[] expected =
          AccessToken.generateSignature(
              keys.appCertificate().strip(),
              token.appId(),
              keys.channelGuess(),
              keys.uidGuess(),
              token.rawMessage());
      return MessageDigest.isEqual(expected, token.signature())
          ? Verification.valid("signature matches the App Certificate")
          : Verification.invalid("signature does not match this App Certificate");
    } catch (Exception e) {
      throw new IllegalStateException("HMAC-SHA256 unavailable", e);
    }
  }

  private static Verification verifyJwt(JwtInfo token, String secret, boolean assumed) {
    String alg = token.algorithm();
    String macAlgorithm =
        switch (alg) {
          case "HS256" -> "HmacSHA256";
          case "HS384" -> "HmacSHA384";
          case "HS512" -> "HmacSHA512";
          default -> null;
        };
    if ("none".equalsIgnoreCase(alg)) {
      return Verification.invalid("unsigned token (alg \"none\") must never be accepted");
    }
    if (token.header().containsKey("crit")) {
      return Verification.invalid(
          "crit header names extensions this verifier does not implement: refused, as RFC 7515"
              + " §4.1.11 requires");
    }
    if (macAlgorithm == null) {
      return Verification.notVerified(
          "alg \"" + alg + "\" needs a public key; only HMAC (HS256/384/512) is verified here");
    }
    if (isBlank(secret)) {
      return Verification.notVerified("no JWT secret given");
    }
    try {
      byte[] expected =
          hmac(
              macAlgorithm,
              secret.getBytes(StandardCharsets.UTF_8),
              token.signingInput().getBytes(StandardCharsets.US_ASCII));
      if (MessageDigest.isEqual(expected, token.signature())) {
        return Verification.valid(alg + " signature matches the secret");
      }
      return assumed
          ? Verification.notVerified(
              "not signed with the workspace's JWT secrets (a JWT from elsewhere?): give its"
                  + " secret to verify it")
          : Verification.invalid(alg + " signature does not match this secret");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(macAlgorithm + " unavailable", e);
    }
  }

  private static byte[] hmac(String algorithm, byte[] key, byte[] data)
      throws GeneralSecurityException {
    Mac mac = Mac.getInstance(algorithm);
    mac.init(new SecretKeySpec(key, algorithm));
    return mac.doFinal(data);
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
