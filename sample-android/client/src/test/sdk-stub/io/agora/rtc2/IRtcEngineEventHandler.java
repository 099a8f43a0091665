// COMPILE-ONLY STUB of the Agora Android SDK 4.x, written by this project from Agora's published API
// reference (sources: docs/decisions/0009-engine-api-shaped-like-rtc2.md). It is not Agora's code,
// holds signatures and constant values only, is never shipped, and is compiled only by
// PortingSampleCompilesTest and Rtc2MirrorTest. Only the token-related part of the API is here.
package io.agora.rtc2;

public abstract class IRtcEngineEventHandler {
  public static class RtcStats {
    public int totalDuration;
    public int txBytes;
    public int rxBytes;
    public int users;
  }

  public void onJoinChannelSuccess(String channel, int uid, int elapsed) {}

  public void onRejoinChannelSuccess(String channel, int uid, int elapsed) {}

  public void onLocalUserRegistered(int uid, String userAccount) {}

  public void onLeaveChannel(RtcStats stats) {}

  public void onTokenPrivilegeWillExpire(String token) {}

  public void onRequestToken() {}

  // Since 4.6.0 (callback_irtcengineeventhandler_onrenewtokenresult).
  public void onRenewTokenResult(String token, Constants.RenewTokenErrorCode code) {}

  public void onConnectionStateChanged(int state, int reason) {}

  public void onError(int err) {}
}
