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
    "RENEW_TOKEN",
    "CLIENT_IP_ADDRESS_CHANGED",
    "KEEP_ALIVE_TIMEOUT",
    "REJOIN_SUCCESS",
    "LOST",
    "ECHO_TEST",
    "CLIENT_IP_ADDRESS_CHANGED_BY_USER",
    "SAME_UID_LOGIN",
    "TOO_MANY_BROADCASTERS",
    "LICENSE_VALIDATION_FAILURE",
    "CERTIFICATION_VERYFY_FAILURE"
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

  /** A {@code RenewTokenErrorCode} without its {@code RENEW_TOKEN_} prefix. */
  public static String renewResult(Constants.RenewTokenErrorCode code) {
    return code.name().substring("RENEW_TOKEN_".length());
  }
}
