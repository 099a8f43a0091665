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
  /** Something about the run the user should fix or know, said once (e.g. a renewal storm). */
  FINDING,
  NOTE;

  /**
   * The RTC SDK callback this event comes from on an RTC flow ({@code IRtcEngineEventHandler}'s
   * names), or null when the event is the app's own (fetching, retrying) or has none. On the JWT
   * flows there is no engine: the session's own timers stand in for the callbacks.
   */
  public String sdkCallback() {
    return switch (this) {
      case JOINED -> "onJoinChannelSuccess";
      case REJOINED -> "onRejoinChannelSuccess";
      case JOIN_REJECTED -> "onError";
      case WILL_EXPIRE -> "onTokenPrivilegeWillExpire";
      case REQUEST_TOKEN -> "onRequestToken";
      case RENEWED, RENEW_REJECTED -> "onRenewTokenResult";
      case STATE_CHANGED, KICKED -> "onConnectionStateChanged";
      default -> null;
    };
  }

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
