// COMPILE-ONLY STUB of the Agora Android SDK 4.x, written by this project from Agora's published API
// reference (sources: docs/decisions/0009-engine-api-shaped-like-rtc2.md). It is not Agora's code,
// holds signatures and constant values only, is never shipped, and is compiled only by
// PortingSampleCompilesTest and Rtc2MirrorTest. Only the token-related part of the API is here.
package io.agora.rtc2;

public class ChannelMediaOptions {
  public Integer clientRoleType;
  public Integer channelProfile;
  public Boolean publishMicrophoneTrack;
  public Boolean publishCameraTrack;
  public Boolean autoSubscribeAudio;
  public Boolean autoSubscribeVideo;
  public String token;
}
