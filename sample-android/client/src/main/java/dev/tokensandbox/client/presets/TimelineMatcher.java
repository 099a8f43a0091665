package dev.tokensandbox.client.presets;

import dev.tokensandbox.client.session.TimelineEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Checks a timeline against a preset's {@link Expect}ations; returns what did not hold. */
public final class TimelineMatcher {
  private TimelineMatcher() {}

  /** One expectation and whether the timeline met it; {@code failure} says how not (else null). */
  public record Check(Expect expect, boolean held, String failure) {}

  /** What did not hold, in the expectations' order. */
  public static List<String> check(
      List<TimelineEvent> events, List<Expect> expected, Instant start) {
    List<String> failures = new ArrayList<>();
    for (Check c : checks(events, expected, start)) {
      if (!c.held()) {
        failures.add(c.failure());
      }
    }
    return failures;
  }

  /** Every expectation with its outcome (a bug report lists them with ✓ and ✗). */
  public static List<Check> checks(
      List<TimelineEvent> events, List<Expect> expected, Instant start) {
    List<Check> checks = new ArrayList<>();
    int cursor = 0;
    String previous = "the start";
    for (Expect x : expected) {
      String failure = null;
      switch (x.type()) {
        case ORDERED:
          int found = find(events, cursor, x, start);
          if (found < 0) {
            failure = "expected " + x + " after " + previous + ", not found";
          } else {
            cursor = found + 1;
            previous = x.toString();
          }
          break;
        case COUNT:
          int n = count(events, x);
          if (n != x.count()) {
            failure = "expected " + x + ", saw " + n;
          }
          break;
        case AT_LEAST:
          int m = count(events, x);
          if (m < x.count()) {
            failure = "expected " + x + ", saw " + m;
          }
          break;
        case NEVER:
          int k = count(events, x);
          if (k > 0) {
            failure = "expected " + x + ", saw " + k;
          }
          break;
        default:
          throw new IllegalStateException("unknown expectation " + x.type());
      }
      checks.add(new Check(x, failure == null, failure));
    }
    return checks;
  }

  private static int find(List<TimelineEvent> events, int from, Expect x, Instant start) {
    for (int i = from; i < events.size(); i++) {
      TimelineEvent e = events.get(i);
      if (e.kind() != x.kind()) {
        continue;
      }
      if (x.contains() != null && !e.detail().contains(x.contains())) {
        continue;
      }
      if (x.atSeconds() != null
          && Duration.between(start, e.at()).toMillis() != Math.round(x.atSeconds() * 1000)) {
        continue;
      }
      return i;
    }
    return -1;
  }

  private static int count(List<TimelineEvent> events, Expect x) {
    int n = 0;
    for (TimelineEvent e : events) {
      if (e.kind() == x.kind() && (x.contains() == null || e.detail().contains(x.contains()))) {
        n++;
      }
    }
    return n;
  }
}
