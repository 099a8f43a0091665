package dev.tokensandbox.backend.tokens;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A decoded JWT: header and claims as parsed JSON (insertion order kept), the signing input and the
 * signature bytes.
 */
public record JwtInfo(
    String text,
    Map<String, Object> header,
    Map<String, Object> claims,
    String signingInput,
    byte[] signature)
    implements DecodedToken {

  public JwtInfo {
    header = Collections.unmodifiableMap(new LinkedHashMap<>(header));
    claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
    signature = signature.clone();
  }

  @Override
  public TokenFormat format() {
    return TokenFormat.JWT;
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  public String algorithm() {
    Object alg = header.get("alg");
    return alg instanceof String s ? s : "";
  }

  /** A numeric claim ({@code exp}, {@code iat}, {@code nbf}) when present and numeric. */
  public Optional<Long> numericClaim(String name) {
    return claims.get(name) instanceof Number n ? Optional.of(n.longValue()) : Optional.empty();
  }

  /** {@code value} as JSON text: nested claims print as JSON, never as Java's map syntax. */
  public static String jsonText(Object value) {
    if (value instanceof String s) {
      return s;
    }
    try {
      return JSON.writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return String.valueOf(value);
    }
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  public Optional<String> stringClaim(String name) {
    return claims.get(name) instanceof String s ? Optional.of(s) : Optional.empty();
  }
}
