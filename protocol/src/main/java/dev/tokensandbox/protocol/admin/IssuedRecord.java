package dev.tokensandbox.protocol.admin;

import java.time.Instant;
import java.util.List;

/**
 * One issued token in the history: its fingerprint id, never the token itself. With the issue time
 * and the salt (null for a JWT), the same inputs re-issue the exact token ({@code issue …
 * --issued-at T --salt S}, or {@code POST /sandbox/tokens}).
 */
public record IssuedRecord(
    String id,
    String route,
    String kind,
    String subject,
    Instant issuedAt,
    Instant expiresAt,
    Long salt,
    List<String> faults) {}
