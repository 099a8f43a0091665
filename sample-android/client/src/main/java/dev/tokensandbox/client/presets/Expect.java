package dev.tokensandbox.client.presets;

import dev.tokensandbox.client.session.EventKind;

/**
 * One expectation on a preset's timeline. Ordered expectations ({@link #at}, {@link #event}) must
 * appear in order (other events may come between); {@link #count} and {@link #never} hold over the
 * whole run. Times are seconds after the run started, exact to the millisecond.
 */
public record Expect(Type type, EventKind kind, Double atSeconds, String contains, int count) {
  public enum Type {
    ORDERED,
    COUNT,
    AT_LEAST,
    NEVER
  }

  /** {@code kind} happens next in order, whenever. */
  public static Expect event(EventKind kind) {
    return new Expect(Type.ORDERED, kind, null, null, 0);
  }

  /** {@code kind} happens next in order, with {@code text} in its detail. */
  public static Expect event(EventKind kind, String text) {
    return new Expect(Type.ORDERED, kind, null, text, 0);
  }

  /** {@code kind} happens next in order, exactly {@code seconds} after the start. */
  public static Expect at(double seconds, EventKind kind) {
    return new Expect(Type.ORDERED, kind, seconds, null, 0);
  }

  /** {@code kind} happens next in order, at {@code seconds}, with {@code text} in its detail. */
  public static Expect at(double seconds, EventKind kind, String text) {
    return new Expect(Type.ORDERED, kind, seconds, text, 0);
  }

  /** {@code kind} happens exactly {@code n} times in the run. */
  public static Expect count(EventKind kind, int n) {
    return new Expect(Type.COUNT, kind, null, null, n);
  }

  /** {@code kind} happens at least {@code n} times in the run. */
  public static Expect atLeast(EventKind kind, int n) {
    return new Expect(Type.AT_LEAST, kind, null, null, n);
  }

  /** {@code kind} never happens. */
  public static Expect never(EventKind kind) {
    return new Expect(Type.NEVER, kind, null, null, 0);
  }

  @Override
  public String toString() {
    switch (type) {
      case COUNT:
        return kind + " ×" + count;
      case AT_LEAST:
        return kind + " ×≥" + count;
      case NEVER:
        return "no " + kind;
      default:
        return kind
            + (atSeconds != null ? " at +" + atSeconds + " s" : "")
            + (contains != null ? " \"" + contains + "\"" : "");
    }
  }
}
