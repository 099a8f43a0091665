package dev.tokensandbox.protocol.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request on one hop, already redacted. {@code hop} is {@code app→customer}, {@code
 * customer→provider} or {@code sandbox}; {@code tokenIds} are the fingerprints of tokens in the
 * answer, matching the issued-token history.
 */
public record JournalEntry(
    long id,
    Instant at,
    double durationMillis,
    String hop,
    String route,
    String method,
    String path,
    int status,
    String client,
    Map<String, String> requestHeaders,
    String requestBody,
    String responseBody,
    List<String> tokenIds,
    List<String> faults) {}
