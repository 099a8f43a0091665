package dev.tokensandbox.backend.tokens;

/**
 * Why a text could not be decoded: the field being read, the byte offset where reading failed
 * ({@code -1} when no position applies) and the reason in words.
 *
 * <p>Offsets into the token text are character offsets of the cleaned token; offsets into a binary
 * payload (after base64 and, for 007, zlib) are byte offsets of that payload. {@link #where()} says
 * which.
 */
public record DecodeError(TokenFormat format, String field, int offset, String where, String reason)
    implements DecodeResult {

  public static final String TEXT = "text";
  public static final String PAYLOAD = "payload";

  /** One line such as {@code services[0].privileges: truncated at byte 87 of the payload}. */
  public String message() {
    if (offset < 0) {
      return field + ": " + reason;
    }
    String unit = TEXT.equals(where) ? "character " : "byte ";
    return field + ": " + reason + " at " + unit + offset + " of the " + where;
  }
}
