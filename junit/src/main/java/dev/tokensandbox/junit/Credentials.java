package dev.tokensandbox.junit;

/**
 * What the sandbox signs tokens with: {@code appId}/{@code appCertificate} for RTC, the provider
 * mocks' API keys and the JWT secrets — to verify what the sandbox issues, or to configure the code
 * under test. Generated per sandbox; {@link #toString()} shows only the App ID.
 */
public record Credentials(
    String appId,
    String appCertificate,
    String ringnityApiKey,
    String chatsdkApiKey,
    String chatsdkJwtSecret,
    String ringnityJwtSecret) {

  @Override
  public String toString() {
    return "Credentials[appId=" + appId + ", secrets redacted]";
  }
}
