package dev.tokensandbox.backend.tokens;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Human time strings for token views: absolute UTC/local times and "expires in 14:58". */
public final class TimeText {
  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.ROOT);

  private TimeText() {}

  /** {@code 2026-11-24T21:00:00Z, local 2026-11-24 22:00:00 +01:00}. */
  public static String absolute(Instant at, ZoneId zone) {
    return at + ", local " + LOCAL.format(at.atZone(zone));
  }

  /** {@code expires in 14:58} or {@code expired 3 min ago}. */
  public static String expiry(Instant now, Instant at) {
    Duration d = Duration.between(now, at);
    if (d.isNegative() || d.isZero()) {
      return "expired " + ago(d.negated()) + " ago";
    }
    return "expires in " + countdown(d);
  }

  /** {@code 45 s}, {@code 14:58}, {@code 23:59:59} or {@code 3 days 04:00:00}. */
  public static String countdown(Duration d) {
    long s = d.getSeconds();
    if (s < 60) {
      return s + " s";
    }
    long days = s / 86_400;
    long h = (s % 86_400) / 3600;
    long m = (s % 3600) / 60;
    long sec = s % 60;
    String clock =
        h > 0 || days > 0
            ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec)
            : String.format(Locale.ROOT, "%d:%02d", m, sec);
    return days > 0 ? days + (days == 1 ? " day " : " days ") + clock : clock;
  }

  /** {@code 12 s}, {@code 3 min}, {@code 5 h}, {@code 2 days}. */
  public static String ago(Duration d) {
    long s = d.getSeconds();
    if (s < 60) {
      return s + " s";
    }
    if (s < 3600) {
      return s / 60 + " min";
    }
    if (s < 172_800) {
      return s / 3600 + " h";
    }
    return s / 86_400 + " days";
  }

  /** {@code 3600 s (1:00:00)} for a lifetime in seconds. */
  public static String lifetime(long seconds) {
    return seconds + " s (" + countdown(Duration.ofSeconds(seconds)) + ")";
  }
}
