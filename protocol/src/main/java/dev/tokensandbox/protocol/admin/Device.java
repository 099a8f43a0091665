package dev.tokensandbox.protocol.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A paired device as the desktop and {@code GET /sandbox/devices} see it: what it said about
 * itself, its latest state, and its newest events (redacted). {@code connected} is false for a
 * device that is remembered after it left.
 */
public record Device(
    String id,
    String name,
    String platform,
    boolean connected,
    Instant lastSeen,
    String flow,
    String state,
    String token,
    Instant tokenExpiresAt,
    String policy,
    String fault,
    List<String> events) {

  public Device {
    events =
        events == null
            ? Collections.<String>emptyList()
            : Collections.unmodifiableList(new ArrayList<>(events));
  }
}
