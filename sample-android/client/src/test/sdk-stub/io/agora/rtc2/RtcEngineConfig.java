// COMPILE-ONLY STUB of the Agora Android SDK 4.x, written by this project from Agora's published API
// reference (sources: docs/decisions/0009-engine-api-shaped-like-rtc2.md). It is not Agora's code,
// holds signatures and constant values only, is never shipped, and is compiled only by
// PortingSampleCompilesTest and Rtc2MirrorTest. Only the token-related part of the API is here.
package io.agora.rtc2;

public class RtcEngineConfig {
  // android.content.Context in the SDK; Object here so the stub compiles without Android.
  public Object mContext;
  public String mAppId;
  public IRtcEngineEventHandler mEventHandler;
}
