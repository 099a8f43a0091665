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

  /** A scanner over {@code text}; ask it for tokens at increasing positions. */
  static Scanner in(CharSequence text) {
    return new Scanner(text);
  }

  /**
   * Finds tokens in one text in linear time: each of the four runs a token is made of (an Agora
   * body, a JWT's header, payload and signature) remembers the last maximal run it measured, and a
   * run from any position inside it ends where it ended. So text made of thousands of near-misses
   * ({@code eyJeyJeyJ…}, a long base64 run with no dots) is measured once, not once per position.
   */
  static final class Scanner {
    private final CharSequence text;
    private final Run agora = new Run(true);
    private final Run header = new Run(false);
    private final Run payload = new Run(false);
    private final Run signature = new Run(false);
    private long steps;

    private Scanner(CharSequence text) {
      this.text = text;
    }

    /** The end (exclusive) of a token starting at {@code start}, or -1 if none starts there. */
    int endOfTokenAt(int start) {
      steps++;
      int n = text.length();
      if (start + 3 > n) {
        return -1;
      }
      char a = text.charAt(start);
      char b = text.charAt(start + 1);
      char c = text.charAt(start + 2);
      if (a == '0' && b == '0' && (c == '6' || c == '7')) {
        int end = agora.end(start + 3);
        return end - (start + 3) >= MIN_AGORA_BODY ? end : -1;
      }
      if (a == 'e' && b == 'y' && c == 'J') {
        int headerEnd = header.end(start + 3);
        if (headerEnd - (start + 3) < MIN_JWT_HEADER_TAIL || !dotAt(headerEnd)) {
          return -1;
        }
        int payloadEnd = payload.end(headerEnd + 1);
        if (payloadEnd == headerEnd + 1 || !dotAt(payloadEnd)) {
          return -1;
        }
        return signature.end(payloadEnd + 1);
      }
      return -1;
    }

    /** Positions looked at so far: grows linearly with the text scanned, whatever it holds. */
    long steps() {
      return steps;
    }

    private boolean dotAt(int i) {
      return i < text.length() && text.charAt(i) == '.';
    }

    /** The longest run of base64 (with padding) or base64url characters from a position. */
    private final class Run {
      private final boolean base64;
      private int from = -1;
      private int to = -1;

      Run(boolean base64) {
        this.base64 = base64;
      }

      int end(int i) {
        if (i >= from && i < to) {
          return to; // inside the last maximal run: it ends at the same place
        }
        int n = text.length();
        int j = i;
        while (j < n && inRun(text.charAt(j), base64)) {
          j++;
          steps++;
        }
        from = i;
        to = j;
        return j;
      }
    }
  }

  private static boolean inRun(char ch, boolean base64) {
    return base64
        ? Base64Alphabet.contains(ch, false) || ch == '='
        : Base64Alphabet.contains(ch, true);
  }
}
