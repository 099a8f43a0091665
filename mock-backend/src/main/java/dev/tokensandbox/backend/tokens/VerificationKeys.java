package dev.tokensandbox.backend.tokens;

/**
 * What the verifier may use: an App Certificate (007/006), a JWT secret, and for 006 a guess of the
 * channel and uid, which that format covers by its signature but stores only as CRC32. Any part may
 * be null. {@link #toString()} never shows the secrets.
 */
public record VerificationKeys(
    String appCertificate, String jwtSecret, String channelGuess, String uidGuess) {

  public static VerificationKeys none() {
    return new VerificationKeys(null, null, null, null);
  }

  public static VerificationKeys certificate(String appCertificate) {
    return new VerificationKeys(appCertificate, null, null, null);
  }

  public static VerificationKeys jwtSecret(String secret) {
    return new VerificationKeys(null, secret, null, null);
  }

  public VerificationKeys withGuess(String channel, String uid) {
    return new VerificationKeys(appCertificate, jwtSecret, channel, uid);
  }

  @Override
  public String toString() {
    return "VerificationKeys[appCertificate="
        + (appCertificate == null ? "none" : "<redacted>")
        + ", jwtSecret="
        + (jwtSecret == null ? "none" : "<redacted>")
        + ", channelGuess="
        + channelGuess
        + ", uidGuess="
        + uidGuess
        + "]";
  }
}
