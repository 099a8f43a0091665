package dev.tokensandbox.backend.tokens;

/** The token formats the sandbox decodes. */
public enum TokenFormat {
  ACCESS_TOKEN_2("007", "AccessToken2 (007)"),
  ACCESS_TOKEN_1("006", "AccessToken v1 (006, legacy)"),
  JWT("JWT", "JSON Web Token"),
  /** The text is not recognisably any token. */
  UNKNOWN("?", "not a token");

  private final String shortName;
  private final String displayName;

  TokenFormat(String shortName, String displayName) {
    this.shortName = shortName;
    this.displayName = displayName;
  }

  public String shortName() {
    return shortName;
  }

  public String displayName() {
    return displayName;
  }
}
