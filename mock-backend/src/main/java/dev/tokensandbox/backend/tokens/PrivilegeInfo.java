package dev.tokensandbox.backend.tokens;

/**
 * One privilege of a decoded token. For 007 {@code expire} is seconds after the issue time; for 006
 * it is an absolute Unix timestamp (0 = never expires).
 */
public record PrivilegeInfo(int id, String name, long expire) {}
