package dev.tokensandbox.backend.tokens;

import dev.tokensandbox.protocol.Fingerprint;
import java.time.Instant;

/**
 * A freshly issued token with its issue and expiry times, and the salt it was built with (the
 * unsigned value the wire carries; {@code null} for a JWT). The token is a bearer secret: {@link
 * #toString()} shows only a short fingerprint.
 */
public record IssuedToken(String token, Instant issuedAt, Instant expiresAt, Long salt) {

  /** A short, non-reversible id for logs and the traffic journal. */
  public String fingerprint() {
    return Fingerprint.of(token);
  }

  @Override
  public String toString() {
    return "IssuedToken[" + fingerprint() + ", expiresAt=" + expiresAt + "]";
  }
}
