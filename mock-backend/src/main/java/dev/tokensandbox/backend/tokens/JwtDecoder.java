package dev.tokensandbox.backend.tokens;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Map;

/** Parses {@code header.payload.signature} (base64url JSON segments) into a {@link JwtInfo}. */
final class JwtDecoder {
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private JwtDecoder() {}

  static JwtInfo decode(String text) throws MalformedTokenException {
    int firstDot = text.indexOf('.');
    int secondDot = firstDot < 0 ? -1 : text.indexOf('.', firstDot + 1);
    if (secondDot < 0) {
      throw new MalformedTokenException(
          "segments",
          text.length(),
          DecodeError.TEXT,
          "a JWT has three dot-separated segments (header.payload.signature)");
    }
    int extraDot = text.indexOf('.', secondDot + 1);
    if (extraDot >= 0) {
      throw new MalformedTokenException(
          "segments",
          extraDot,
          DecodeError.TEXT,
          "more than three segments (a JWE has five; only signed JWTs are decoded)");
    }
    Map<String, Object> header = json("header", text.substring(0, firstDot), 0);
    Map<String, Object> claims =
        json("payload", text.substring(firstDot + 1, secondDot), firstDot + 1);
    byte[] signature =
        TokenText.base64("signature", text.substring(secondDot + 1), secondDot + 1, true);
    return new JwtInfo(text, header, claims, text.substring(0, secondDot), signature);
  }

  private static Map<String, Object> json(String field, String segment, int base)
      throws MalformedTokenException {
    if (segment.isEmpty()) {
      throw new MalformedTokenException(field, base, DecodeError.TEXT, "segment is empty");
    }
    byte[] bytes = TokenText.base64(field, segment, base, true);
    if (bytes.length == 0 || bytes[0] != '{') {
      throw new MalformedTokenException(field, 0, DecodeError.PAYLOAD, "not a JSON object");
    }
    try {
      return JSON.readValue(bytes, OBJECT);
    } catch (JacksonException e) {
      JsonLocation location = e.getLocation();
      int offset = location == null ? 0 : (int) Math.max(0, location.getByteOffset());
      throw new MalformedTokenException(
          field, offset, DecodeError.PAYLOAD, "invalid JSON (" + e.getOriginalMessage() + ")");
    } catch (java.io.IOException e) {
      throw new MalformedTokenException(
          field, 0, DecodeError.PAYLOAD, "invalid JSON (" + e.getMessage() + ")");
    }
  }
}
