package dev.tokensandbox.protocol.admin;

/**
 * A {@link SandboxAdmin} operation that was refused or could not be carried out: the HTTP status it
 * answers with (0 when no answer came: the sandbox is not reachable), a stable error code, the
 * offending field (or null) and a message naming the rule.
 */
public class AdminException extends RuntimeException {
  private final int status;
  private final String error;
  private final String field;
  private final long retryAfterSeconds;

  public AdminException(int status, String error, String field, String message) {
    this(status, error, field, message, (Throwable) null);
  }

  public AdminException(int status, String error, String field, String message, Throwable cause) {
    this(status, error, field, message, cause, -1);
  }

  /** A refusal that says when to try again ({@code Retry-After}, seconds; -1 for none). */
  public AdminException(
      int status,
      String error,
      String field,
      String message,
      Throwable cause,
      long retryAfterSeconds) {
    super(message, cause);
    this.status = status;
    this.error = error;
    this.field = field;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** For errors raised as answers, which need no stack trace. */
  protected AdminException(
      int status,
      String error,
      String field,
      String message,
      long retryAfterSeconds,
      boolean stackTrace) {
    super(message, null, false, stackTrace);
    this.status = status;
    this.error = error;
    this.field = field;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** The HTTP status, or 0 when the sandbox gave no answer. */
  public int status() {
    return status;
  }

  public String error() {
    return error;
  }

  /** The request member the refusal names, or null. */
  public String field() {
    return field;
  }

  /** Seconds to wait before trying again ({@code Retry-After}), or -1. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
