package dev.tokensandbox.client.session;

/** What happened on a device's timeline. */
public enum EventKind {
  FETCH_STARTED,
  TOKEN_ISSUED,
  FETCH_FAILED,
  COALESCED,
  RETRY_SCHEDULED,
  GAVE_UP,
  READY,
  JOINED,
  JOIN_REJECTED,
  WILL_EXPIRE,
  RENEW_REQUESTED,
  RENEWED,
  RENEW_REJECTED,
  KICKED,
  REQUEST_TOKEN,
  REJOINED,
  STATE_CHANGED,
  TOKEN_EXPIRED,
  LEFT,
  NOTE;

  /** Failures the lab draws in red. */
  public boolean isFailure() {
    return this == FETCH_FAILED
        || this == GAVE_UP
        || this == JOIN_REJECTED
        || this == RENEW_REJECTED
        || this == KICKED
        || this == TOKEN_EXPIRED;
  }
}
