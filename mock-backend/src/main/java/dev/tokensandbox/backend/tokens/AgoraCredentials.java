package dev.tokensandbox.backend.tokens;

/**
 * An Agora/Shengwang App ID and App Certificate: both 32 hexadecimal characters. The certificate is
 * a server secret: {@link #toString()} never shows it.
 */
public record AgoraCredentials(String appId, String appCertificate) {
  public AgoraCredentials {
    if (!looksValid(appId)) {
      throw new InvalidTokenRequestException("appId", "must be 32 hexadecimal characters");
    }
    if (!looksValid(appCertificate)) {
      throw new InvalidTokenRequestException("appCertificate", "must be 32 hexadecimal characters");
    }
  }

  /** True when {@code value} has the shape of an App ID or App Certificate: 32 hex digits. */
  public static boolean looksValid(String value) {
    // A loop, not a regex: the credentials are checked on every token request.
    if (value == null || value.length() != 32) {
      return false;
    }
    for (int i = 0; i < 32; i++) {
      char ch = value.charAt(i);
      if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F'))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "AgoraCredentials[appId=" + appId + ", appCertificate=<redacted>]";
  }
}
