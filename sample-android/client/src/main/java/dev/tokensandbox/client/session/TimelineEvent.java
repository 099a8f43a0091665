package dev.tokensandbox.client.session;

import java.time.Instant;

/**
 * One step on a device's timeline. {@code detail} is for people and never holds a secret: tokens
 * appear as fingerprints ({@code tok:1a2b3c4d}). {@code attempt} counts fetch attempts within a
 * renewal (0 when not applicable).
 */
public record TimelineEvent(Instant at, String device, EventKind kind, String detail, int attempt) {
  @Override
  public String toString() {
    return at + " " + device + " " + kind + (detail.isEmpty() ? "" : " " + detail);
  }
}
