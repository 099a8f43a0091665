package dev.tokensandbox.client.backend;

import dev.tokensandbox.protocol.Fingerprint;
import dev.tokensandbox.protocol.Flow;

/**
 * A token as the customer backend handed it over. {@code companion} is the second token some flows
 * return (ChatSDK's wsToken); {@code expiresInSeconds} is what the backend said, or -1 when the
 * route does not say (the Shengwang and Gin routes return the bare token). {@link #toString()}
 * shows fingerprints only.
 */
public record FetchedToken(Flow flow, String token, String companion, long expiresInSeconds) {

  public String fingerprint() {
    return Fingerprint.of(token);
  }

  @Override
  public String toString() {
    return "FetchedToken["
        + flow
        + " "
        + fingerprint()
        + (companion != null ? " + " + Fingerprint.of(companion) : "")
        + (expiresInSeconds >= 0 ? ", expiresIn=" + expiresInSeconds + "s" : "")
        + "]";
  }
}
