package dev.tokensandbox.client.rtc2;

/**
 * {@code io.agora.rtc2.RtcEngineConfig}'s fields for creating an engine. {@code mContext} is an
 * Android {@code Context} in the SDK; the sandbox's engine runs without Android and ignores it.
 */
public class RtcEngineConfig {
  public Object mContext;
  public String mAppId;
  public IRtcEngineEventHandler mEventHandler;
}
