package dev.tokensandbox.backend.tokens;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Input rules for Agora tokens, as Agora documents them: channel names and user accounts use a
 * fixed ASCII character set (channel under 64 bytes, account up to 255 bytes), numeric uids are
 * unsigned 32-bit, and this sandbox accepts lifetimes of 1..86400 seconds.
 */
public final class TokenRules {
  private static final java.util.regex.Pattern UID_TEXT =
      java.util.regex.Pattern.compile("\\d{1,10}");

  /** Longest lifetime the provider honours; longer values are silently capped by Agora. */
  public static final int MAX_EXPIRE_SECONDS = 86_400;

  public static final long MAX_UID = 0xFFFF_FFFFL;
  public static final int MAX_CHANNEL_BYTES = 63;
  public static final int MAX_ACCOUNT_BYTES = 255;

  /**
   * The characters Agora allows in channel names and user accounts (besides letters and digits).
   */
  public static final String ALLOWED_PUNCTUATION = " !#$%&()+-:;<=.>?@[]^_{}|~,";

  private static final Pattern ALLOWED =
      Pattern.compile("[a-zA-Z0-9 !#$%&()+\\-:;<=.>?@\\[\\]^_{}|~,]*");

  private TokenRules() {}

  /**
   * Checks a channel name. The empty string is the wildcard channel and is allowed only when {@code
   * allowWildcard} is set (an explicit {@code channelName=}).
   */
  public static String channel(String field, String channel, boolean allowWildcard) {
    if (channel == null) {
      throw new InvalidTokenRequestException(field, "is required");
    }
    if (channel.isEmpty()) {
      if (allowWildcard) {
        return channel;
      }
      throw new InvalidTokenRequestException(field, "must not be empty");
    }
    checkCharset(field, channel, MAX_CHANNEL_BYTES);
    return channel;
  }

  /** Checks a user account (string uid): 1..255 bytes of the allowed character set. */
  public static String account(String field, String account) {
    if (account == null || account.isEmpty()) {
      throw new InvalidTokenRequestException(field, "must not be empty");
    }
    checkCharset(field, account, MAX_ACCOUNT_BYTES);
    return account;
  }

  /** Checks a numeric uid: 0 (wildcard) .. 2^32-1. */
  public static long uid(String field, long uid) {
    if (uid < 0 || uid > MAX_UID) {
      throw new InvalidTokenRequestException(field, "must be an integer in 0.." + MAX_UID);
    }
    return uid;
  }

  /** Parses and checks a numeric uid given as text. */
  public static long uid(String field, String text) {
    if (text == null || !UID_TEXT.matcher(text).matches()) {
      throw new InvalidTokenRequestException(field, "must be an integer in 0.." + MAX_UID);
    }
    return uid(field, Long.parseLong(text));
  }

  /** Checks a lifetime in seconds: 1..86400. */
  public static int expire(String field, long seconds) {
    if (seconds < 1 || seconds > MAX_EXPIRE_SECONDS) {
      throw new InvalidTokenRequestException(
          field, "must be 1.." + MAX_EXPIRE_SECONDS + " seconds (got " + seconds + ")");
    }
    return (int) seconds;
  }

  private static void checkCharset(String field, String value, int maxBytes) {
    int bytes = value.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > maxBytes) {
      throw new InvalidTokenRequestException(
          field, "must be at most " + maxBytes + " bytes (got " + bytes + ")");
    }
    if (!ALLOWED.matcher(value).matches()) {
      throw new InvalidTokenRequestException(
          field, "may contain only a-z A-Z 0-9 and \"" + ALLOWED_PUNCTUATION + "\"");
    }
  }
}
