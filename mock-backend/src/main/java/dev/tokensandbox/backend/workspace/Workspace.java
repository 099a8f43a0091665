package dev.tokensandbox.backend.workspace;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.tokensandbox.backend.tokens.AgoraCredentials;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * The sandbox's own credentials: an Agora App ID and App Certificate and one HS256 secret per JWT
 * provider. Generated per workspace so nothing real is needed to start. {@link #toString()} shows
 * no secret.
 */
public record Workspace(
    String appId,
    String appCertificate,
    String chatsdkJwtSecret,
    String ringnityJwtSecret,
    String ringnityApiKey,
    String chatsdkApiKey) {

  /** Fresh random credentials from {@code random} (a SecureRandom in production). */
  public static Workspace generate(RandomGenerator random) {
    return new Workspace(
        hex(random, 16),
        hex(random, 16),
        hex(random, 32),
        hex(random, 32),
        "rn_sk_test_" + hex(random, 16),
        "chatsdk_" + hex(random, 16));
  }

  /** This workspace with any credential an older file lacked generated from {@code random}. */
  public Workspace completed(RandomGenerator random) {
    Workspace fresh = generate(random);
    return new Workspace(
        appId == null ? fresh.appId : appId,
        appCertificate == null ? fresh.appCertificate : appCertificate,
        chatsdkJwtSecret == null ? fresh.chatsdkJwtSecret : chatsdkJwtSecret,
        ringnityJwtSecret == null ? fresh.ringnityJwtSecret : ringnityJwtSecret,
        ringnityApiKey == null ? fresh.ringnityApiKey : ringnityApiKey,
        chatsdkApiKey == null ? fresh.chatsdkApiKey : chatsdkApiKey);
  }

  /** Every secret of this workspace, for redaction. */
  public java.util.List<String> secrets() {
    return java.util.List.of(
        appCertificate, chatsdkJwtSecret, ringnityJwtSecret, ringnityApiKey, chatsdkApiKey);
  }

  @JsonIgnore
  public AgoraCredentials agoraCredentials() {
    return new AgoraCredentials(appId, appCertificate);
  }

  public byte[] chatsdkSecretBytes() {
    return chatsdkJwtSecret.getBytes(StandardCharsets.UTF_8);
  }

  public byte[] ringnitySecretBytes() {
    return ringnityJwtSecret.getBytes(StandardCharsets.UTF_8);
  }

  private static String hex(RandomGenerator random, int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  @Override
  public String toString() {
    return "Workspace[appId=" + appId + ", secrets=<redacted>]";
  }
}
