// COMPILE-ONLY STUB of the Agora Android SDK 4.x, written by this project from Agora's published API
// reference (sources: docs/decisions/0009-engine-api-shaped-like-rtc2.md). It is not Agora's code,
// holds signatures and constant values only, is never shipped, and is compiled only by
// PortingSampleCompilesTest and Rtc2MirrorTest. Only the token-related part of the API is here.
package io.agora.rtc2;

public abstract class RtcEngine {
  public static synchronized RtcEngine create(RtcEngineConfig config) throws Exception {
    throw new UnsupportedOperationException("compile-only stub");
  }

  public static synchronized void destroy() {
    throw new UnsupportedOperationException("compile-only stub");
  }

  public abstract int setClientRole(int role);

  public abstract int joinChannel(
      String token, String channelId, int uid, ChannelMediaOptions options);

  public abstract int joinChannel(String token, String channelId, String optionalInfo, int uid);

  public abstract int joinChannelWithUserAccount(
      String token, String channelName, String userAccount);

  public abstract int joinChannelWithUserAccount(
      String token, String channelName, String userAccount, ChannelMediaOptions options);

  public abstract int renewToken(String token);

  public abstract int leaveChannel();
}
