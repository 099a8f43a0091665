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

  /** Shortest HS256 secret accepted: 256 bits, as RFC 7518 requires of an HMAC-SHA256 key. */
  public static final int MIN_JWT_SECRET_BYTES = 32;

  /** Shortest provider API key accepted. */
  public static final int MIN_API_KEY_LENGTH = 16;

  /**
   * The first problem with this workspace's fields, naming the field and the rule (a file written
   * by hand, or by an older version): {@code chatsdkApiKey: is missing}, {@code chatsdkJwtSecret:
   * must be at least 32 bytes}. Empty when every field is usable.
   */
  public java.util.Optional<String> problem() {
    String[][] fields = {
      {"appId", appId},
      {"appCertificate", appCertificate},
      {"chatsdkJwtSecret", chatsdkJwtSecret},
      {"ringnityJwtSecret", ringnityJwtSecret},
      {"ringnityApiKey", ringnityApiKey},
      {"chatsdkApiKey", chatsdkApiKey}
    };
    for (String[] field : fields) {
      String name = field[0];
      String value = field[1];
      if (value == null) {
        return java.util.Optional.of(name + ": is missing");
      }
      if (value.isBlank()) {
        return java.util.Optional.of(name + ": must not be empty");
      }
      if (!value.equals(value.strip()) || value.chars().anyMatch(Character::isWhitespace)) {
        return java.util.Optional.of(name + ": must not contain spaces");
      }
      String rule =
          switch (name) {
            case "appId", "appCertificate" ->
                isHex32(value) ? null : "must be 32 hexadecimal characters";
            case "chatsdkJwtSecret", "ringnityJwtSecret" ->
                value.getBytes(StandardCharsets.UTF_8).length >= MIN_JWT_SECRET_BYTES
                    ? null
                    : "must be at least " + MIN_JWT_SECRET_BYTES + " bytes (an HS256 key)";
            default ->
                value.length() >= MIN_API_KEY_LENGTH
                    ? null
                    : "must be at least " + MIN_API_KEY_LENGTH + " characters";
          };
      if (rule != null) {
        return java.util.Optional.of(name + ": " + rule);
      }
    }
    return java.util.Optional.empty();
  }

  private static boolean isHex32(String value) {
    return value.length() == 32 && value.chars().allMatch(HexFormat::isHexDigit);
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

  /**
   * The HS256 secret that signs a JWT for {@code audience}: Ringnity's for a {@code ringnity*}
   * audience, ChatSDK's otherwise.
   */
  public String jwtSecretForAudience(String audience) {
    return audience != null && audience.startsWith("ringnity")
        ? ringnityJwtSecret
        : chatsdkJwtSecret;
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
