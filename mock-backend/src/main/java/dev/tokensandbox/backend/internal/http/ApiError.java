package dev.tokensandbox.backend.internal.http;

/**
 * An HTTP error answer: status, a stable error code, the offending field (or null) and a message.
 * Thrown by routes and rendered as {@code {"error", "field", "message"}} in one place.
 */
public final class ApiError extends dev.tokensandbox.protocol.admin.AdminException {

  public ApiError(int status, String error, String field, String message) {
    this(status, error, field, message, -1);
  }

  private ApiError(int status, String error, String field, String message, long retryAfter) {
    super(status, error, field, message, retryAfter, false);
  }

  public static ApiError badRequest(String field, String message) {
    return new ApiError(400, "bad_request", field, message);
  }

  /**
   * A 400 for a value type's refusal: {@code rule} is an {@link IllegalArgumentException} whose
   * message reads {@code "member: rule"} (as {@code FaultRule}'s do); the field is {@code prefix +
   * member}.
   */
  public static ApiError fromRule(String prefix, IllegalArgumentException rule) {
    String message = rule.getMessage() == null ? "" : rule.getMessage();
    int colon = message.indexOf(": ");
    return colon < 0
        ? badRequest(
            prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix, message)
        : badRequest(prefix + message.substring(0, colon), message.substring(colon + 2));
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
}
