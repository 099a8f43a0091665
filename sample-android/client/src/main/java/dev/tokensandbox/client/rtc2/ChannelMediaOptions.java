package dev.tokensandbox.client.rtc2;

/**
 * {@code io.agora.rtc2.ChannelMediaOptions}'s fields the token flow uses. Unset fields ({@code
 * null}) leave the engine's current setting, as in the SDK.
 */
public class ChannelMediaOptions {
  /** {@link Constants#CLIENT_ROLE_BROADCASTER} or {@link Constants#CLIENT_ROLE_AUDIENCE}. */
  public Integer clientRoleType;

  /** {@link Constants#CHANNEL_PROFILE_COMMUNICATION} or {@code _LIVE_BROADCASTING}. */
  public Integer channelProfile;

  public Boolean publishMicrophoneTrack;
  public Boolean publishCameraTrack;
  public Boolean autoSubscribeAudio;
  public Boolean autoSubscribeVideo;

  /** The token to use from now on (the SDK's {@code updateChannelMediaOptions} path). */
  public String token;
}
