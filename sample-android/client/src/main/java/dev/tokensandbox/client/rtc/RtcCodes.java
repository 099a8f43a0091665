package dev.tokensandbox.client.rtc;

/**
 * The SDK's numbers the simulated engine uses: connection-change reasons ({@code
 * CONNECTION_CHANGED_*}), error codes ({@code ERR_*}) and method return codes (negative errors).
 */
public final class RtcCodes {
  public static final int REASON_CONNECTING = 0;
  public static final int REASON_JOIN_SUCCESS = 1;
  public static final int REASON_JOIN_FAILED = 4;
  public static final int REASON_LEAVE_CHANNEL = 5;
  public static final int REASON_INVALID_TOKEN = 8;
  public static final int REASON_TOKEN_EXPIRED = 9;
  public static final int REASON_RENEW_TOKEN = 12;

  public static final int ERR_OK = 0;
  public static final int ERR_FAILED = 1;
  public static final int ERR_INVALID_ARGUMENT = 2;
  public static final int ERR_JOIN_CHANNEL_REJECTED = 17;
  public static final int ERR_TOKEN_EXPIRED = 109;
  public static final int ERR_INVALID_TOKEN = 110;
  public static final int ERR_NOT_IN_CHANNEL = 113;

  private RtcCodes() {}

  /** The SDK's name for a connection-change reason. */
  public static String reasonName(int reason) {
    switch (reason) {
      case REASON_CONNECTING:
        return "CONNECTING";
      case REASON_JOIN_SUCCESS:
        return "JOIN_SUCCESS";
      case REASON_JOIN_FAILED:
        return "JOIN_FAILED";
      case REASON_LEAVE_CHANNEL:
        return "LEAVE_CHANNEL";
      case REASON_INVALID_TOKEN:
        return "INVALID_TOKEN";
      case REASON_TOKEN_EXPIRED:
        return "TOKEN_EXPIRED";
      case REASON_RENEW_TOKEN:
        return "RENEW_TOKEN";
      default:
        return "REASON_" + reason;
    }
  }
}
