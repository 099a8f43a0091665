package dev.tokensandbox.backend.tokens;

import java.util.Locale;

/** RTC role: a publisher may join and publish; a subscriber may only join. */
public enum RtcRole {
  PUBLISHER,
  SUBSCRIBER;

  /** Parses {@code publisher}/{@code subscriber} (any case; also Agora's numeric 1/2). */
  public static RtcRole parse(String field, String text) {
    if (text != null) {
      switch (text.trim().toLowerCase(Locale.ROOT)) {
        case "publisher", "1":
          return PUBLISHER;
        case "subscriber", "2":
          return SUBSCRIBER;
        default:
          break;
      }
    }
    throw new InvalidTokenRequestException(field, "must be publisher or subscriber");
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
