package dev.tokensandbox.client.rtc2;

/**
 * The engine's callbacks: {@code io.agora.rtc2.IRtcEngineEventHandler}'s token-related methods, an
 * abstract class whose methods do nothing until overridden, as in the SDK. The sandbox's engine
 * calls them on its clock's thread, in the SDK's order (see {@code SimulatedRtcEngine}).
 */
public abstract class IRtcEngineEventHandler {
  /** Statistics of a call, reported when leaving; the sandbox fills the time and user count. */
  public static class RtcStats {
    /** Seconds in the channel. */
    public int totalDuration;

    public int txBytes;
    public int rxBytes;
    public int users;
  }

  /** Joined: {@code elapsed} is milliseconds from the join call to this callback. */
  public void onJoinChannelSuccess(String channel, int uid, int elapsed) {}

  /** Back in the channel after the connection was lost (or, in 4.x, after a renewed token). */
  public void onRejoinChannelSuccess(String channel, int uid, int elapsed) {}

  /** A user account was given its number; before {@code onJoinChannelSuccess}. */
  public void onLocalUserRegistered(int uid, String userAccount) {}

  public void onLeaveChannel(RtcStats stats) {}

  /** 30 s before the token (or a privilege) expires; at once when less remains. */
  public void onTokenPrivilegeWillExpire(String token) {}

  /** The token expired: the user is out of the channel until it gets a new one. */
  public void onRequestToken() {}

  /**
   * The outcome of {@code renewToken}. SDK 4.6 and later only; earlier engines never call it (and
   * an app built against an earlier SDK cannot override it).
   */
  public void onRenewTokenResult(String token, Constants.RenewTokenErrorCode code) {}

  /** {@code Constants.CONNECTION_STATE_*} and {@code Constants.CONNECTION_CHANGED_*}. */
  public void onConnectionStateChanged(int state, int reason) {}

  /** An {@code Constants.ERR_*} code. */
  public void onError(int err) {}
}
