package dev.tokensandbox.backend.tokens;

import java.util.Base64;
import java.util.Locale;

/** Cleans pasted token text and decodes its base64 parts with precise error positions. */
final class TokenText {
  private TokenText() {}

  /**
   * Removes what people paste around a token: surrounding whitespace, one pair of quotes or
   * backticks, and an {@code Authorization}-style {@code Bearer } prefix.
   */
  static String clean(String input) {
    String text = input.strip();
    for (int pass = 0; pass < 2; pass++) {
      if (text.length() >= 2) {
        char first = text.charAt(0);
        char last = text.charAt(text.length() - 1);
        if ((first == '"' || first == '\'' || first == '`') && last == first) {
          text = text.substring(1, text.length() - 1).strip();
        }
      }
      if (text.regionMatches(true, 0, "bearer ", 0, 7)) {
        text = text.substring(7).strip();
      }
    }
    return text;
  }

  /**
   * Decodes base64 (standard or URL alphabet, padding optional). {@code base} is the character
   * offset of {@code text} inside the whole token, so errors point at the real position.
   */
  static byte[] base64(String field, String text, int base, boolean urlAlphabet)
      throws MalformedTokenException {
    int end = text.length();
    while (end > 0 && text.charAt(end - 1) == '=') {
      end--;
    }
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      if (!Base64Alphabet.contains(c, urlAlphabet)) {
        throw new MalformedTokenException(
            field,
            base + i,
            DecodeError.TEXT,
            "invalid base64 character " + describe(c, urlAlphabet));
      }
    }
    if (end % 4 == 1) {
      throw new MalformedTokenException(
          field, base + end, DecodeError.TEXT, "base64 is truncated (one character too many)");
    }
    String body = text.substring(0, end);
    Base64.Decoder decoder = urlAlphabet ? Base64.getUrlDecoder() : Base64.getDecoder();
    try {
      return decoder.decode(body + "==".substring(0, (4 - end % 4) % 4));
    } catch (IllegalArgumentException e) {
      // The alphabet was checked above; what is left is bad trailing bits.
      throw new MalformedTokenException(
          field, base + end, DecodeError.TEXT, "base64 has stray trailing bits");
    }
  }

  private static String describe(char c, boolean urlAlphabet) {
    String shown =
        Character.isISOControl(c) || Character.isWhitespace(c)
            ? String.format(Locale.ROOT, "U+%04X", (int) c)
            : "'" + c + "'";
    if (c == ' ' && !urlAlphabet) {
      return shown
          + " (a '+' turned into a space by URL decoding? URL-encode tokens in query strings)";
    }
    if ((c == '-' || c == '_') && !urlAlphabet) {
      return shown + " (URL-safe base64 where standard base64 was expected)";
    }
    return shown;
  }
}
