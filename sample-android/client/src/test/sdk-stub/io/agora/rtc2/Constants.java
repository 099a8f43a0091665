// COMPILE-ONLY STUB of the Agora Android SDK 4.x, written by this project from Agora's published API
// reference (sources: docs/decisions/0009-engine-api-shaped-like-rtc2.md). It is not Agora's code,
// holds signatures and constant values only, is never shipped, and is compiled only by
// PortingSampleCompilesTest and Rtc2MirrorTest. Only the token-related part of the API is here.
package io.agora.rtc2;

// Values as read from io.agora.rtc:full-sdk:4.2.6 (javap) and api-ref.agora.io; the renew-token
// enum from the 4.6.0 reference (enum_renewtokenerrorcode).
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
  public static final int CONNECTION_CHANGED_CLIENT_IP_ADDRESS_CHANGED = 13;
  public static final int CONNECTION_CHANGED_KEEP_ALIVE_TIMEOUT = 14;
  public static final int CONNECTION_CHANGED_REJOIN_SUCCESS = 15;
  public static final int CONNECTION_CHANGED_LOST = 16;
  public static final int CONNECTION_CHANGED_ECHO_TEST = 17;
  public static final int CONNECTION_CHANGED_CLIENT_IP_ADDRESS_CHANGED_BY_USER = 18;
  public static final int CONNECTION_CHANGED_SAME_UID_LOGIN = 19;
  public static final int CONNECTION_CHANGED_TOO_MANY_BROADCASTERS = 20;
  public static final int CONNECTION_CHANGED_LICENSE_VALIDATION_FAILURE = 21;
  public static final int CONNECTION_CHANGED_CERTIFICATION_VERYFY_FAILURE = 22;

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

  public enum RenewTokenErrorCode {
    RENEW_TOKEN_SUCCESS,
    RENEW_TOKEN_FAILURE,
    RENEW_TOKEN_TOKEN_EXPIRED,
    RENEW_TOKEN_INVALID_TOKEN,
    RENEW_TOKEN_INVALID_CHANNEL_NAME,
    RENEW_TOKEN_INCONSISTENT_APPID,
    RENEW_TOKEN_CANCELED_BY_NEW_REQUEST;

    public static int getValue(RenewTokenErrorCode code) {
      throw new UnsupportedOperationException("compile-only stub");
    }

    public static RenewTokenErrorCode fromInt(int value) {
      throw new UnsupportedOperationException("compile-only stub");
    }
  }
}
