package dev.tokensandbox.client.rtc;

/**
 * What differs between generations of the Agora RTC SDK in the token flow, so the lab and the app
 * can show each instead of one behaviour presented as universal. Sources: {@code
 * docs/decisions/0009-engine-api-shaped-like-rtc2.md}.
 */
public enum SdkProfile {
  /** 4.6 and later: {@code renewToken} after the kick rejoins, and every renewal is confirmed. */
  V4_6("Agora RTC 4.6+", true, true),
  /**
   * 4.0 to 4.5: {@code renewToken} after the kick rejoins, but nothing confirms a renewal: a
   * refused token shows only as {@code onError}.
   */
  V4_0("Agora RTC 4.0–4.5", false, true),
  /**
   * 3.x: after {@code onRequestToken} the app must leave and join again with the new token; {@code
   * renewToken} works only while in the channel and is never confirmed.
   */
  V3("Agora RTC 3.x", false, false);

  private final String label;
  private final boolean reportsRenewResult;
  private final boolean renewRejoins;

  SdkProfile(String label, boolean reportsRenewResult, boolean renewRejoins) {
    this.label = label;
    this.reportsRenewResult = reportsRenewResult;
    this.renewRejoins = renewRejoins;
  }

  public String label() {
    return label;
  }

  /** The engine calls {@code onRenewTokenResult} for every {@code renewToken}. */
  public boolean reportsRenewResult() {
    return reportsRenewResult;
  }

  /** {@code renewToken} after the token expired brings the user back into the channel. */
  public boolean renewRejoins() {
    return renewRejoins;
  }

  @Override
  public String toString() {
    return label;
  }
}
