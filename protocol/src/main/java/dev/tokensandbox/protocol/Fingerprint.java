package dev.tokensandbox.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The only way the client ever names a token or bearer in text: {@code tok:} plus the first 8 hex
 * digits of its SHA-256, the same id the mock backend's journal and issued-token history use.
 */
public final class Fingerprint {
  private Fingerprint() {}

  public static String of(String secret) {
    if (secret == null || secret.isEmpty()) {
      return "tok:none";
    }
    return "tok:" + full(secret).substring(0, 8);
  }

  /**
   * The whole SHA-256 of {@code secret} in hex: to compare credentials without keeping them (empty
   * for none).
   */
  public static String full(String secret) {
    if (secret == null || secret.isEmpty()) {
      return "";
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
      StringBuilder out = new StringBuilder(digest.length * 2);
      for (byte b : digest) { // HexFormat is not on Android 8
        out.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
      }
      return out.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
