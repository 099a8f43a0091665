package dev.tokensandbox.backend.tokens;

import java.util.regex.Pattern;

/**
 * An Agora/Shengwang App ID and App Certificate: both 32 hexadecimal characters. The certificate is
 * a server secret: {@link #toString()} never shows it.
 */
public record AgoraCredentials(String appId, String appCertificate) {
  private static final Pattern HEX32 = Pattern.compile("[0-9a-fA-F]{32}");

  public AgoraCredentials {
    if (appId == null || !HEX32.matcher(appId).matches()) {
      throw new InvalidTokenRequestException("appId", "must be 32 hexadecimal characters");
    }
    if (appCertificate == null || !HEX32.matcher(appCertificate).matches()) {
      throw new InvalidTokenRequestException("appCertificate", "must be 32 hexadecimal characters");
    }
  }

  /** True when {@code value} has the shape of an App ID or App Certificate. */
  public static boolean looksValid(String value) {
    return value != null && HEX32.matcher(value).matches();
  }

  @Override
  public String toString() {
    return "AgoraCredentials[appId=" + appId + ", appCertificate=<redacted>]";
  }
}
