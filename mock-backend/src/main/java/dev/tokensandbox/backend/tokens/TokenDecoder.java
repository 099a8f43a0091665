package dev.tokensandbox.backend.tokens;

/**
 * The one entry point for reading tokens. Detects AccessToken2 ({@code 007…}), legacy AccessToken
 * ({@code 006…}) and JWTs; tolerates surrounding whitespace, quotes and a {@code Bearer } prefix;
 * returns a {@link DecodedToken} or a {@link DecodeError} naming the field and offset.
 *
 * <p>It never throws, whatever it is given: null, empty text, random bytes, truncated or oversized
 * input, bad base64, or compressed payloads that would inflate past 64 KiB.
 */
public final class TokenDecoder {
  private static final java.util.regex.Pattern OLD_VERSION =
      java.util.regex.Pattern.compile("(?s)00[1-5].*");

  /** Longer input is not a token; refusing it early bounds the work. */
  public static final int MAX_TOKEN_LENGTH = 16 * 1024;

  private TokenDecoder() {}

  public static DecodeResult decode(String input) {
    if (input == null) {
      return error("input", -1, "no token given");
    }
    String text = TokenText.clean(input);
    if (text.isEmpty()) {
      return error("input", -1, "empty: paste a 007…, 006… or eyJ… token");
    }
    if (text.length() > MAX_TOKEN_LENGTH) {
      return error(
          "input",
          MAX_TOKEN_LENGTH,
          "longer than " + MAX_TOKEN_LENGTH + " characters; not a token");
    }
    TokenFormat format = detect(text);
    try {
      return switch (format) {
        case ACCESS_TOKEN_2 -> AccessToken2Decoder.decode(text);
        case ACCESS_TOKEN_1 -> AccessToken1Decoder.decode(text);
        case JWT -> JwtDecoder.decode(text);
        case UNKNOWN -> unknown(text);
      };
    } catch (MalformedTokenException e) {
      return e.toError(format);
    } catch (RuntimeException e) {
      // Safety net for the "never throws" contract. The fuzz tests assert it is never reached.
      return new DecodeError(
          format,
          "input",
          -1,
          DecodeError.TEXT,
          "internal decoder error (" + e.getClass().getSimpleName() + "); please report it");
    }
  }

  static TokenFormat detect(String text) {
    if (text.startsWith("007")) {
      return TokenFormat.ACCESS_TOKEN_2;
    }
    if (text.startsWith("006")) {
      return TokenFormat.ACCESS_TOKEN_1;
    }
    if (text.startsWith("eyJ") || text.chars().filter(c -> c == '.').count() >= 2) {
      return TokenFormat.JWT;
    }
    return TokenFormat.UNKNOWN;
  }

  private static DecodeError unknown(String text) {
    if (text.length() >= 3 && OLD_VERSION.matcher(text).matches()) {
      return new DecodeError(
          TokenFormat.UNKNOWN,
          "version",
          0,
          DecodeError.TEXT,
          "version "
              + text.substring(0, 3)
              + " (DynamicKey) is obsolete and not supported;"
              + " expected 007 or 006");
    }
    return new DecodeError(
        TokenFormat.UNKNOWN,
        "format",
        0,
        DecodeError.TEXT,
        "not a token: expected 007… (AccessToken2), 006… (AccessToken) or a JWT"
            + " (header.payload.signature)");
  }

  private static DecodeError error(String field, int offset, String reason) {
    return new DecodeError(TokenFormat.UNKNOWN, field, offset, DecodeError.TEXT, reason);
  }
}
