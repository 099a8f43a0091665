package dev.tokensandbox.client.rtc2;

/**
 * The engine, as the app calls it: {@code io.agora.rtc2.RtcEngine}'s token-related methods with the
 * same signatures. Methods return 0 or a negative error code ({@code -Constants.ERR_*}); their
 * outcome arrives on the {@link IRtcEngineEventHandler}. The sandbox's implementation is {@code
 * dev.tokensandbox.client.rtc.SimulatedRtcEngine}; creating an engine is the one part an integrator
 * replaces ({@code RtcEngine.create(RtcEngineConfig)} in the real SDK).
 */
public abstract class RtcEngine {
  /**
   * Broadcaster ({@link Constants#CLIENT_ROLE_BROADCASTER}) or audience; applies to later joins.
   */
  public abstract int setClientRole(int role);

  /**
   * Joins {@code channelId} as {@code uid} (0: the engine assigns one) with {@code token}. Success
   * is {@code onJoinChannelSuccess}; a refused token is {@code onConnectionStateChanged(FAILED,
   * reason)} and {@code onError}.
   */
  public abstract int joinChannel(
      String token, String channelId, int uid, ChannelMediaOptions options);

  /** The 4.x form carried over from 3.x: {@code optionalInfo} is ignored, as in the SDK. */
  public abstract int joinChannel(String token, String channelId, String optionalInfo, int uid);

  /**
   * Joins with a string user account: {@code onLocalUserRegistered(uid, userAccount)} comes before
   * {@code onJoinChannelSuccess}, whose uid is the number the account was given.
   */
  public abstract int joinChannelWithUserAccount(
      String token, String channelId, String userAccount);

  public abstract int joinChannelWithUserAccount(
      String token, String channelId, String userAccount, ChannelMediaOptions options);

  /** Gives the engine a new token, before or after it expired (see the engine's SDK profile). */
  public abstract int renewToken(String token);

  /** Leaves the channel: {@code onLeaveChannel(stats)}. */
  public abstract int leaveChannel();
}
