package dev.tokensandbox.backend.tokens;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.zip.CRC32;

/**
 * A decoded legacy AccessToken ({@code 006…}). Channel and uid appear only as CRC32 checksums;
 * {@link #channelMatches} and {@link #uidMatches} check a guess. {@code messageTs} is the token's
 * own expiry (the official builder sets it 24 h after issue), privilege expiries are absolute Unix
 * timestamps (0 = never).
 */
public record AccessToken1Info(
    String text,
    String appId,
    byte[] signature,
    long crcChannel,
    long crcUid,
    long salt,
    long messageTs,
    List<PrivilegeInfo> privileges,
    byte[] rawMessage)
    implements DecodedToken {

  public AccessToken1Info {
    privileges = List.copyOf(privileges);
    signature = signature.clone();
    rawMessage = rawMessage.clone();
  }

  @Override
  public TokenFormat format() {
    return TokenFormat.ACCESS_TOKEN_1;
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  @Override
  public byte[] rawMessage() {
    return rawMessage.clone();
  }

  public Instant messageExpiresAt() {
    return Instant.ofEpochSecond(messageTs);
  }

  public boolean channelMatches(String channel) {
    return channel != null && crc32(channel) == crcChannel;
  }

  /** Uid {@code 0} is written as "" by the official builder, so "0" is checked as "". */
  public boolean uidMatches(String uid) {
    return uid != null && crc32(uidAsWritten(uid)) == crcUid;
  }

  /** Whether the token's uid is exactly {@code written} (a user account, or "" for uid 0). */
  public boolean writtenUidMatches(String written) {
    return written != null && crc32(written) == crcUid;
  }

  static String uidAsWritten(String uid) {
    return "0".equals(uid) ? "" : uid;
  }

  static long crc32(String value) {
    CRC32 crc = new CRC32();
    crc.update(value.getBytes(StandardCharsets.UTF_8));
    return crc.getValue();
  }
}
