package dev.tokensandbox.backend.traffic;

import dev.tokensandbox.backend.tokens.Base64Alphabet;

/**
 * Finds tokens in text the way the pattern {@code
 * 00[67][A-Za-z0-9+/=]{16,}|eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*} would, leftmost
 * first, without a regex engine: the journal redacts every answer of the token routes, and the
 * pattern's scan was the largest single cost of redaction. {@code TokenSpansTest} checks the two
 * agree on generated text.
 */
final class TokenSpans {
  /** Shortest body after {@code 006}/{@code 007}. */
  private static final int MIN_AGORA_BODY = 16;

  /** Shortest run after {@code eyJ} before the first dot. */
  private static final int MIN_JWT_HEADER_TAIL = 4;

  private TokenSpans() {}

  /** The end (exclusive) of a token starting at {@code start}, or -1 if none starts there. */
  static int endOfTokenAt(CharSequence text, int start) {
    int n = text.length();
    if (start + 3 > n) {
      return -1;
    }
    char a = text.charAt(start);
    char b = text.charAt(start + 1);
    char c = text.charAt(start + 2);
    if (a == '0' && b == '0' && (c == '6' || c == '7')) {
      int end = run(text, start + 3, true);
      return end - (start + 3) >= MIN_AGORA_BODY ? end : -1;
    }
    if (a == 'e' && b == 'y' && c == 'J') {
      int header = run(text, start + 3, false);
      if (header - (start + 3) < MIN_JWT_HEADER_TAIL || !dotAt(text, header)) {
        return -1;
      }
      int payload = run(text, header + 1, false);
      if (payload == header + 1 || !dotAt(text, payload)) {
        return -1;
      }
      return run(text, payload + 1, false);
    }
    return -1;
  }

  private static boolean dotAt(CharSequence text, int i) {
    return i < text.length() && text.charAt(i) == '.';
  }

  /** The end of the longest run from {@code i} of base64 (with padding) or base64url characters. */
  private static int run(CharSequence text, int i, boolean base64) {
    int n = text.length();
    while (i < n && inRun(text.charAt(i), base64)) {
      i++;
    }
    return i;
  }

  private static boolean inRun(char ch, boolean base64) {
    return base64
        ? Base64Alphabet.contains(ch, false) || ch == '='
        : Base64Alphabet.contains(ch, true);
  }
}
