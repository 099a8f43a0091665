package dev.tokensandbox.client.backend;

import dev.tokensandbox.protocol.Fingerprint;

/** A logged-in customer: the session bearer and who it is. {@link #toString()} hides the bearer. */
public record CustomerSession(String bearer, long expiresInSeconds, String userId, String name) {
  @Override
  public String toString() {
    return "CustomerSession[" + userId + " " + Fingerprint.of(bearer) + "]";
  }
}
