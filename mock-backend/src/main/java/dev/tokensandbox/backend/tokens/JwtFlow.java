package dev.tokensandbox.backend.tokens;

import java.util.Locale;

/**
 * The JWT flows the sandbox issues for: ChatSDK REST and WebSocket tokens, Ringnity context tokens.
 */
public enum JwtFlow {
  /** ChatSDK {@code token}: REST calls with {@code Authorization: Bearer}. */
  CHATSDK("chatsdk", "chatsdk-api", "rest", 86_400),
  /** ChatSDK {@code wsToken}: the WebSocket connection. */
  CHATSDK_WS("chatsdk-ws", "chatsdk-ws", "ws", 86_400),
  /** Ringnity {@code contextToken}: the visitor runtime token. */
  RINGNITY("ringnity", "ringnity-runtime", "visitor-context", 900);

  private final String cliName;
  private final String audience;
  private final String scope;
  private final int defaultExpireSeconds;

  JwtFlow(String cliName, String audience, String scope, int defaultExpireSeconds) {
    this.cliName = cliName;
    this.audience = audience;
    this.scope = scope;
    this.defaultExpireSeconds = defaultExpireSeconds;
  }

  public String cliName() {
    return cliName;
  }

  public String audience() {
    return audience;
  }

  public String scope() {
    return scope;
  }

  public int defaultExpireSeconds() {
    return defaultExpireSeconds;
  }

  public static JwtFlow parse(String field, String text) {
    for (JwtFlow flow : values()) {
      if (flow.cliName.equalsIgnoreCase(text == null ? "" : text.trim())) {
        return flow;
      }
    }
    throw new InvalidTokenRequestException(field, "must be one of chatsdk, chatsdk-ws, ringnity");
  }

  @Override
  public String toString() {
    return cliName.toLowerCase(Locale.ROOT);
  }
}
