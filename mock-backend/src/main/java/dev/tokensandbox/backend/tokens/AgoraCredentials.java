package dev.tokensandbox.backend.tokens;

import java.util.HexFormat;

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
    // A loop, not a regex or a stream: the credentials are checked on every token request.
    if (value == null || value.length() != 32) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      if (!HexFormat.isHexDigit(value.charAt(i))) {
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
