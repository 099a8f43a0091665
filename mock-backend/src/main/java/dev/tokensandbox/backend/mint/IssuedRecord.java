package dev.tokensandbox.backend.mint;

import java.time.Instant;
import java.util.List;

/** One issued token in the history: its fingerprint id, never the token itself. */
public record IssuedRecord(
    String id,
    String route,
    String kind,
    String subject,
    Instant issuedAt,
    Instant expiresAt,
    List<String> faults) {}
