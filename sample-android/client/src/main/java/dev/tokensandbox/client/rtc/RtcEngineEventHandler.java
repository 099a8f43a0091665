package dev.tokensandbox.client.rtc;

/**
 * The callbacks of the simulated engine, named and ordered as the Agora SDK's {@code
 * IRtcEngineEventHandler}. They run on the engine's clock thread. {@code onError}'s message is a
 * sandbox extension: the RTC service's reason, so a developer sees <em>why</em> a token was
 * refused.
 */
public interface RtcEngineEventHandler {
  default void onJoinChannelSuccess(String channel, String uid) {}

  default void onRejoinChannelSuccess(String channel, String uid) {}

  /** 30 s before the earliest expiry that matters (at once when less remains). */
  default void onTokenPrivilegeWillExpire(String token) {}

  /** The token (or the join privilege) expired: the user is out of the channel. */
  default void onRequestToken() {}

  /** The outcome of a {@code renewToken} call: 0 or the error code (109, 110, 1). */
  default void onRenewTokenResult(String token, int code) {}

  default void onConnectionStateChanged(ConnectionState state, int reason) {}

  default void onError(int err, String message) {}

  default void onLeaveChannel() {}
}
