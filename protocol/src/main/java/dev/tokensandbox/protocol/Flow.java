package dev.tokensandbox.protocol;

/**
 * The four seed flows, as the customer backend exposes them to an app: the one flow model. Each
 * names the {@link Route} an app fetches its token from; the Issue screen's forms, the device
 * channel's state and scenario files name flows by these constants.
 */
public enum Flow {
  /** Shengwang token server (seed 001): {@code GET /api/agora/token}, text/plain AccessToken2. */
  SHENGWANG("Shengwang RTC", Route.AGORA_RTC, "001"),
  /** Agora Go/Gin tutorial (seed 002): {@code GET /rtc/:channelName/:role/:tokentype/:uid/}. */
  GIN("Gin RTC", Route.GIN_RTC, "002"),
  /** Ringnity runtime token (seed 000): {@code POST /ringnity/runtime-token}. */
  RINGNITY("Ringnity", Route.RINGNITY_RUNTIME, "000"),
  /** ChatSDK (seed 003): {@code POST /api/auth/chat-token} for a logged-in user. */
  CHATSDK("ChatSDK", Route.CHATSDK_CUSTOMER, "003");

  private final String label;
  private final Route tokenRoute;
  private final String seed;

  Flow(String label, Route tokenRoute, String seed) {
    this.label = label;
    this.tokenRoute = tokenRoute;
    this.seed = seed;
  }

  public String label() {
    return label;
  }

  /** Where an app fetches this flow's token. */
  public Route tokenRoute() {
    return tokenRoute;
  }

  /** The seed document the flow comes from ({@code 000}…{@code 003}). */
  public String seed() {
    return seed;
  }

  /** True for the flows whose token an RTC engine joins with. */
  public boolean isRtc() {
    return this == SHENGWANG || this == GIN;
  }
}
