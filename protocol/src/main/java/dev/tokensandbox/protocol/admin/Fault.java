package dev.tokensandbox.protocol.admin;

/**
 * The closed set of faults a route can suffer. HTTP faults change the answer itself; token faults
 * change the token a route issues; {@link #REVOKED_KEY} makes a provider mock reject the customer
 * backend's key.
 */
public enum Fault {
  /** Delay the answer by {@code value} milliseconds. */
  LATENCY(Kind.HTTP),
  /** Answer with status {@code value} (401, 403, 429, 500, 502 or 503) and a JSON error. */
  STATUS(Kind.HTTP),
  /** Answer 200 with a body that is not valid JSON. */
  MALFORMED_JSON(Kind.HTTP),
  /** Answer 200 with an empty body. */
  EMPTY_BODY(Kind.HTTP),
  /** Drop the connection without an answer. */
  CONNECTION_RESET(Kind.HTTP),
  /** Issue a token that has already expired. */
  TOKEN_EXPIRED(Kind.TOKEN),
  /** Issue the token for another uid and channel than asked. */
  WRONG_IDENTITY(Kind.TOKEN),
  /** Issue tokens that live only {@code value} seconds. */
  SHORT_LIFETIME(Kind.TOKEN),
  /** Issue tokens whose issue time is shifted by {@code value} seconds (server clock skew). */
  CLOCK_SKEW(Kind.TOKEN),
  /** Provider mocks reject the customer backend's API key as revoked. */
  REVOKED_KEY(Kind.PROVIDER);

  /** Where a fault acts. */
  public enum Kind {
    HTTP,
    TOKEN,
    PROVIDER
  }

  private final Kind kind;

  Fault(Kind kind) {
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
