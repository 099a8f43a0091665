package dev.tokensandbox.client.backend;

/** The four seed flows, as the customer backend exposes them to an app. */
public enum Flow {
  /** Shengwang token server (seed 001): {@code GET /api/agora/token}, text/plain AccessToken2. */
  SHENGWANG("Shengwang RTC"),
  /** Agora Go/Gin tutorial (seed 002): {@code GET /rtc/:channel/:role/:kind/:uid/}. */
  GIN("Gin RTC"),
  /** Ringnity runtime token (seed 000): {@code POST /ringnity/runtime-token}. */
  RINGNITY("Ringnity"),
  /** ChatSDK (seed 003): {@code POST /api/auth/chat-token} for a logged-in user. */
  CHATSDK("ChatSDK");

  private final String label;

  Flow(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** True for the flows whose token an RTC engine joins with. */
  public boolean isRtc() {
    return this == SHENGWANG || this == GIN;
  }
}
