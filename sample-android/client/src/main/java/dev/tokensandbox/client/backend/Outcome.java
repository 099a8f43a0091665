package dev.tokensandbox.client.backend;

import java.time.Duration;
import java.util.Optional;

/**
 * What a backend call came to, as a value: the client never throws for HTTP or network trouble. The
 * taxonomy is Retrofit's — success, unauthenticated, client error, server error, network error —
 * plus a malformed answer (a 2xx whose body is not what the route promises).
 */
public sealed interface Outcome<T> {

  /** A short, secret-free description for logs and timelines. */
  String describe();

  default boolean isSuccess() {
    return this instanceof Success;
  }

  /** The value on success. */
  default Optional<T> successValue() {
    return this instanceof Success<T> s ? Optional.of(s.value()) : Optional.empty();
  }

  /** Worth trying again later: network trouble, 5xx, 429 and malformed answers. */
  default boolean isRetryable() {
    return (this instanceof NetworkError<T> n && n.kind() != NetworkError.Kind.REFUSED)
        || this instanceof ServerError
        || this instanceof Malformed
        || (this instanceof ClientError<T> c && c.status() == 429);
  }

  /** Re-types a failure for another value type (a success cannot be re-typed). */
  @SuppressWarnings("unchecked")
  default <U> Outcome<U> failure() {
    if (this instanceof Success) {
      throw new IllegalStateException("not a failure");
    }
    return (Outcome<U>) this;
  }

  record Success<T>(T value, int status) implements Outcome<T> {
    @Override
    public String describe() {
      return "ok (" + status + ")";
    }
  }

  /**
   * 401: no session, a bad key, an expired bearer or a missing pairing code; {@code error} and
   * {@code field} as the answer named them (null when it did not).
   */
  record Unauthenticated<T>(int status, String error, String field, String message)
      implements Outcome<T> {
    @Override
    public String describe() {
      return "unauthenticated (" + status + "): " + message;
    }
  }

  /** Another 4xx; {@code field} names the bad input when the backend said which. */
  record ClientError<T>(int status, String error, String field, String message, Duration retryAfter)
      implements Outcome<T> {
    @Override
    public String describe() {
      return "client error ("
          + status
          + (field != null ? ", field " + field : "")
          + "): "
          + message
          + (retryAfter != null ? " (retry after " + retryAfter.getSeconds() + " s)" : "");
    }
  }

  record ServerError<T>(int status, String error, String message) implements Outcome<T> {
    @Override
    public String describe() {
      return "server error (" + status + "): " + message;
    }
  }

  record NetworkError<T>(Kind kind, String message) implements Outcome<T> {
    public enum Kind {
      TIMEOUT,
      CONNECTION,
      /**
       * This device will not make the connection at all: its network security policy refuses
       * cleartext HTTP to that host. Trying again changes nothing; the setup must.
       */
      REFUSED
    }

    @Override
    public String describe() {
      return "network error (" + kind.name().toLowerCase(java.util.Locale.ROOT) + "): " + message;
    }
  }

  /** The backend answered, but not with what the route promises. */
  record Malformed<T>(int status, String problem) implements Outcome<T> {
    @Override
    public String describe() {
      return "malformed response (" + status + "): " + problem;
    }
  }
}
