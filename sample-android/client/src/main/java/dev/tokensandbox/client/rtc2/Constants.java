package dev.tokensandbox.client.rtc2;

/**
 * {@code io.agora.rtc2.Constants}'s values the token flow uses: connection states and the reasons
 * they change, client roles and channel profiles, error codes, and the results {@code
 * onRenewTokenResult} reports. Same names, same numbers.
 */
public class Constants {
  public static final int CONNECTION_STATE_DISCONNECTED = 1;
  public static final int CONNECTION_STATE_CONNECTING = 2;
  public static final int CONNECTION_STATE_CONNECTED = 3;
  public static final int CONNECTION_STATE_RECONNECTING = 4;
  public static final int CONNECTION_STATE_FAILED = 5;

  public static final int CONNECTION_CHANGED_CONNECTING = 0;
  public static final int CONNECTION_CHANGED_JOIN_SUCCESS = 1;
  public static final int CONNECTION_CHANGED_INTERRUPTED = 2;
  public static final int CONNECTION_CHANGED_BANNED_BY_SERVER = 3;
  public static final int CONNECTION_CHANGED_JOIN_FAILED = 4;
  public static final int CONNECTION_CHANGED_LEAVE_CHANNEL = 5;
  public static final int CONNECTION_CHANGED_INVALID_APP_ID = 6;
  public static final int CONNECTION_CHANGED_INVALID_CHANNEL_NAME = 7;
  public static final int CONNECTION_CHANGED_INVALID_TOKEN = 8;
  public static final int CONNECTION_CHANGED_TOKEN_EXPIRED = 9;
  public static final int CONNECTION_CHANGED_REJECTED_BY_SERVER = 10;
  public static final int CONNECTION_CHANGED_SETTING_PROXY_SERVER = 11;
  public static final int CONNECTION_CHANGED_RENEW_TOKEN = 12;

  public static final int CLIENT_ROLE_BROADCASTER = 1;
  public static final int CLIENT_ROLE_AUDIENCE = 2;

  public static final int CHANNEL_PROFILE_COMMUNICATION = 0;
  public static final int CHANNEL_PROFILE_LIVE_BROADCASTING = 1;

  public static final int ERR_OK = 0;
  public static final int ERR_FAILED = 1;
  public static final int ERR_INVALID_ARGUMENT = 2;
  public static final int ERR_NOT_READY = 3;
  public static final int ERR_REFUSED = 5;
  public static final int ERR_JOIN_CHANNEL_REJECTED = 17;
  public static final int ERR_INVALID_APP_ID = 101;
  public static final int ERR_INVALID_CHANNEL_NAME = 102;
  public static final int ERR_TOKEN_EXPIRED = 109;
  public static final int ERR_INVALID_TOKEN = 110;
  public static final int ERR_NOT_IN_CHANNEL = 113;

  public static final int RENEW_TOKEN_SUCCESS = 0;
  public static final int RENEW_TOKEN_FAILURE = 1;
  public static final int RENEW_TOKEN_TOKEN_EXPIRED = 2;
  public static final int RENEW_TOKEN_INVALID_TOKEN = 3;
  public static final int RENEW_TOKEN_INVALID_CHANNEL_NAME = 4;
  public static final int RENEW_TOKEN_INCONSISTENT_APPID = 5;
  public static final int RENEW_TOKEN_CANCELED_BY_NEW_REQUEST = 6;
}
