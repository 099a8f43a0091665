package dev.tokensandbox.backend.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Short ids for tokens and secrets: safe to log, enough to correlate. */
public final class TokenFingerprint {
  private TokenFingerprint() {}

  /** {@code "tok:" + first 8 hex chars of SHA-256}, or {@code "tok:none"} for null/empty. */
  public static String of(String token) {
    if (token == null || token.isEmpty()) {
      return "tok:none";
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return "tok:" + HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
  }
}
