package dev.tokensandbox.backend.tokens;

/** The four RTC privileges of an AccessToken, with their wire ids. */
public enum RtcPrivilege {
  JOIN_CHANNEL(1, "joinChannel"),
  PUBLISH_AUDIO_STREAM(2, "publishAudioStream"),
  PUBLISH_VIDEO_STREAM(3, "publishVideoStream"),
  PUBLISH_DATA_STREAM(4, "publishDataStream");

  private final int id;
  private final String wireName;

  RtcPrivilege(int id, String wireName) {
    this.id = id;
    this.wireName = wireName;
  }

  public int id() {
    return id;
  }

  public String wireName() {
    return wireName;
  }

  public boolean isPublish() {
    return this != JOIN_CHANNEL;
  }
}
