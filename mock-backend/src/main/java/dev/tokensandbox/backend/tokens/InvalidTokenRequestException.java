package dev.tokensandbox.backend.tokens;

/**
 * A token request broke one of the documented input rules. Carries the offending field and the rule
 * in words, so an HTTP route or the CLI can show both without a stack trace.
 */
public final class InvalidTokenRequestException extends IllegalArgumentException {
  private final String field;
  private final String rule;

  public InvalidTokenRequestException(String field, String rule) {
    super(field + ": " + rule);
    this.field = field;
    this.rule = rule;
  }

  /** The request field that broke the rule, e.g. {@code channelName}. */
  public String field() {
    return field;
  }

  /** The rule that was broken, e.g. {@code must be 1..86400 seconds}. */
  public String rule() {
    return rule;
  }
}
