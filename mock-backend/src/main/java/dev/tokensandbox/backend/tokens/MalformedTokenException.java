package dev.tokensandbox.backend.tokens;

/** Internal: thrown while parsing and turned into a {@link DecodeError} by the decoder. */
final class MalformedTokenException extends Exception {
  private final String field;
  private final int offset;
  private final String where;

  MalformedTokenException(String field, int offset, String where, String reason) {
    super(reason, null, false, false);
    this.field = field;
    this.offset = offset;
    this.where = where;
  }

  DecodeError toError(TokenFormat format) {
    return new DecodeError(format, field, offset, where, getMessage());
  }
}
