package dev.tokensandbox.backend.internal.customer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A sliding-window limit per key (e.g. 10 requests per 15 minutes per user) on the sandbox clock.
 */
public final class RateLimiter {
  private final int limit;
  private final Duration window;
  private final Clock clock;
  private final Map<String, ArrayDeque<Instant>> hits = new ConcurrentHashMap<>();

  public RateLimiter(int limit, Duration window, Clock clock) {
    this.limit = limit;
    this.window = window;
    this.clock = clock;
  }

  /** Records a hit for {@code key}; returns 0 when allowed, else the seconds until a slot frees. */
  public long acquire(String key) {
    Instant now = clock.instant();
    ArrayDeque<Instant> times = hits.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (times) {
      while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
        times.removeFirst();
      }
      if (times.size() >= limit) {
        return Math.max(1, Duration.between(now, times.peekFirst().plus(window)).toSeconds());
      }
      times.addLast(now);
      return 0;
    }
  }
}
