package dev.tokensandbox.backend.internal.customer;

/** A customer's user, as the customer backend's own auth system knows them. */
public record Customer(String id, String username, String name, String email, String avatarUrl) {}
