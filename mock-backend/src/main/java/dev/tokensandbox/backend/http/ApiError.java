package dev.tokensandbox.backend.http;

/**
 * An HTTP error answer: status, a stable error code, the offending field (or null) and a message.
 * Thrown by routes and rendered as {@code {"error", "field", "message"}} in one place.
 */
public final class ApiError extends RuntimeException {
  private final int status;
  private final String error;
  private final String field;
  private final long retryAfterSeconds;

  public ApiError(int status, String error, String field, String message) {
    this(status, error, field, message, -1);
  }

  private ApiError(int status, String error, String field, String message, long retryAfter) {
    super(message, null, false, false);
    this.status = status;
    this.error = error;
    this.field = field;
    this.retryAfterSeconds = retryAfter;
  }

  public static ApiError badRequest(String field, String message) {
    return new ApiError(400, "bad_request", field, message);
  }

  public static ApiError unauthorized(String message) {
    return new ApiError(401, "unauthorized", null, message);
  }

  public static ApiError tooManyRequests(long retryAfterSeconds, String message) {
    return new ApiError(429, "too_many_requests", null, message, retryAfterSeconds);
  }

  public static ApiError badGateway(String error, String message) {
    return new ApiError(502, error, null, message);
  }

  public int status() {
    return status;
  }

  public String error() {
    return error;
  }

  public String field() {
    return field;
  }

  /** Seconds for a {@code Retry-After} header, or -1. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
