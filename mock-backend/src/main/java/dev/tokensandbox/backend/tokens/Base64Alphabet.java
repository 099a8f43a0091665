package dev.tokensandbox.backend.tokens;

/** The characters of base64's two alphabets (without the {@code =} padding). */
public final class Base64Alphabet {
  private Base64Alphabet() {}

  /** True for {@code A-Z a-z 0-9} and {@code + /} (standard) or {@code - _} (URL alphabet). */
  public static boolean contains(char c, boolean urlAlphabet) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || (urlAlphabet ? c == '-' || c == '_' : c == '+' || c == '/');
  }
}
