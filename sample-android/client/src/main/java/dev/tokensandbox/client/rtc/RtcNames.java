package dev.tokensandbox.client.rtc;

import dev.tokensandbox.client.rtc2.Constants;

/** The SDK's names for its numbers, for timelines and logs. */
public final class RtcNames {
  private static final String[] STATES = {
    null, "DISCONNECTED", "CONNECTING", "CONNECTED", "RECONNECTING", "FAILED"
  };
  private static final String[] REASONS = {
    "CONNECTING",
    "JOIN_SUCCESS",
    "INTERRUPTED",
    "BANNED_BY_SERVER",
    "JOIN_FAILED",
    "LEAVE_CHANNEL",
    "INVALID_APP_ID",
    "INVALID_CHANNEL_NAME",
    "INVALID_TOKEN",
    "TOKEN_EXPIRED",
    "REJECTED_BY_SERVER",
    "SETTING_PROXY_SERVER",
    "RENEW_TOKEN"
  };
  private static final String[] RENEW_RESULTS = {
    "SUCCESS",
    "FAILURE",
    "TOKEN_EXPIRED",
    "INVALID_TOKEN",
    "INVALID_CHANNEL_NAME",
    "INCONSISTENT_APPID",
    "CANCELED_BY_NEW_REQUEST"
  };

  private RtcNames() {}

  /** {@code CONNECTION_STATE_*} without its prefix. */
  public static String state(int state) {
    return state >= Constants.CONNECTION_STATE_DISCONNECTED
            && state <= Constants.CONNECTION_STATE_FAILED
        ? STATES[state]
        : "STATE_" + state;
  }

  /** {@code CONNECTION_CHANGED_*} without its prefix. */
  public static String reason(int reason) {
    return reason >= 0 && reason < REASONS.length ? REASONS[reason] : "REASON_" + reason;
  }

  /** {@code RENEW_TOKEN_*} without its prefix. */
  public static String renewResult(int code) {
    return code >= 0 && code < RENEW_RESULTS.length ? RENEW_RESULTS[code] : "RENEW_" + code;
  }
}
