package dev.tokensandbox.backend.tokens;

import java.util.Locale;

/**
 * The kinds of JWT the sandbox issues (a kind of token, not a flow: the flows are protocol's {@code
 * Flow}): ChatSDK REST and WebSocket tokens, Ringnity context tokens.
 */
public enum JwtKind {
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

  JwtKind(String cliName, String audience, String scope, int defaultExpireSeconds) {
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

  public static JwtKind parse(String field, String text) {
    for (JwtKind kind : values()) {
      if (kind.cliName.equalsIgnoreCase(text == null ? "" : text.trim())) {
        return kind;
      }
    }
    throw new InvalidTokenRequestException(field, "must be one of chatsdk, chatsdk-ws, ringnity");
  }

  @Override
  public String toString() {
    return cliName.toLowerCase(Locale.ROOT);
  }
}
