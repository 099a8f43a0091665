package dev.tokensandbox.backend.tokens;

/** A successfully decoded token of one of the supported formats. */
public sealed interface DecodedToken extends DecodeResult
    permits AccessToken2Info, AccessToken1Info, JwtInfo {

  TokenFormat format();

  /**
   * The token text as decoded, after whitespace, quotes and a {@code Bearer } prefix were removed.
   */
  String text();
}
