package dev.tokensandbox.backend.tokens;

/** What {@link TokenDecoder#decode} returns: a decoded token or a precise error, never a throw. */
public sealed interface DecodeResult permits DecodedToken, DecodeError {}
