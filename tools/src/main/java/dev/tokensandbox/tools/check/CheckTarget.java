package dev.tokensandbox.tools.check;

import dev.tokensandbox.protocol.Flow;

/**
 * A token server to check: its base URL, the seed flow it implements, and optionally the
 * credentials its tokens are signed with ({@code appId}/{@code certificate} for the RTC flows, a
 * JWT secret for Ringnity and ChatSDK). Without credentials, signatures are not verified and the
 * renewal run is skipped.
 */
public record CheckTarget(
    String baseUrl, Flow flow, String appId, String certificate, String jwtSecret) {

  public CheckTarget {
    baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  public boolean hasRtcCredentials() {
    return appId != null && !appId.isEmpty() && certificate != null && !certificate.isEmpty();
  }

  @Override
  public String toString() {
    // Never the certificate or the secret.
    return flow.label() + " at " + baseUrl;
  }
}
