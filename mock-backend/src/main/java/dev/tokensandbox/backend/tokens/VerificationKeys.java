package dev.tokensandbox.backend.tokens;

/**
 * What the verifier may use: an App Certificate (007/006), a JWT secret, and for 006 a guess of the
 * channel and uid, which that format covers by its signature but stores only as CRC32. {@code
 * uidGuess} is the value as the token carries it ("" for uid 0). Any part may be null. {@link
 * #toString()} never shows the secrets.
 */
public record VerificationKeys(
    String appCertificate,
    String jwtSecret,
    String channelGuess,
    String uidGuess,
    boolean jwtSecretAssumed) {

  /** Keys the user gave: a mismatch is INVALID. */
  public VerificationKeys(
      String appCertificate, String jwtSecret, String channelGuess, String uidGuess) {
    this(appCertificate, jwtSecret, channelGuess, uidGuess, false);
  }

  /**
   * The workspace's JWT secret, tried because the user gave none: a JWT from elsewhere that does
   * not match it is NOT_VERIFIED, not INVALID (nobody said it was signed with this secret).
   */
  public static VerificationKeys assumedJwtSecret(String appCertificate, String secret) {
    return new VerificationKeys(appCertificate, secret, null, null, true);
  }

  public static VerificationKeys none() {
    return new VerificationKeys(null, null, null, null);
  }

  public static VerificationKeys certificate(String appCertificate) {
    return new VerificationKeys(appCertificate, null, null, null);
  }

  public static VerificationKeys jwtSecret(String secret) {
    return new VerificationKeys(null, secret, null, null);
  }

  /**
   * A 006 channel and numeric uid guess. Uid {@code 0} is the wildcard, which the official builders
   * write as "", so {@code "0"} is kept as "" (see {@link #withAccountGuess} for the account "0").
   */
  public VerificationKeys withGuess(String channel, String uid) {
    return new VerificationKeys(
        appCertificate, jwtSecret, channel, "0".equals(uid) ? "" : uid, jwtSecretAssumed);
  }

  /** A 006 channel and string user account guess, kept exactly as typed ({@code "0"} stays). */
  public VerificationKeys withAccountGuess(String channel, String account) {
    return new VerificationKeys(appCertificate, jwtSecret, channel, account, jwtSecretAssumed);
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
