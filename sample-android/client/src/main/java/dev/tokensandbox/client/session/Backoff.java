package dev.tokensandbox.client.session;

import java.time.Duration;
import java.util.Random;

/**
 * Retry delays: {@code initial × multiplier^(n-1)} capped at {@code max}, minus up to {@code
 * jitter} of it drawn from a seeded {@link Random} (so runs repeat), for at most {@code
 * maxAttempts} attempts in one renewal. {@link #none(int)} retries at once: a retry storm.
 */
public record Backoff(
    Duration initial, double multiplier, Duration max, double jitter, int maxAttempts) {

  public Backoff {
    if (initial.isNegative() || max.isNegative() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("need 0 <= initial <= max");
    }
    if (multiplier < 1 || jitter < 0 || jitter > 1 || maxAttempts < 1) {
      throw new IllegalArgumentException(
          "need multiplier >= 1, jitter in [0, 1], maxAttempts >= 1");
    }
  }

  /** 1 s, doubling, capped at 60 s, 20% jitter, 8 attempts. */
  public static Backoff standard() {
    return new Backoff(Duration.ofSeconds(1), 2, Duration.ofSeconds(60), 0.2, 8);
  }

  /** No waiting between attempts. */
  public static Backoff none(int maxAttempts) {
    return new Backoff(Duration.ZERO, 1, Duration.ZERO, 0, maxAttempts);
  }

  /** The wait before attempt {@code attempt + 1}, after {@code attempt} failures (1-based). */
  public Duration delayAfter(int attempt, Random random) {
    double base = initial.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
    double capped = Math.min(base, max.toMillis());
    double jittered = capped * (1 - jitter * random.nextDouble());
    return Duration.ofMillis(Math.round(jittered));
  }
}
