package dev.tokensandbox.client.session;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/** Reads a JWT's {@code exp} claim without verifying it, as an app does. Never throws. */
final class JwtExp {
  private JwtExp() {}

  static Optional<Instant> of(String jwt) {
    try {
      String[] parts = jwt.split("\\.", -1);
      if (parts.length != 3) {
        return Optional.empty();
      }
      String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
      JsonElement root = JsonParser.parseString(payload);
      if (!root.isJsonObject()) {
        return Optional.empty();
      }
      JsonObject claims = root.getAsJsonObject();
      JsonElement exp = claims.get("exp");
      if (exp == null || !exp.isJsonPrimitive() || !exp.getAsJsonPrimitive().isNumber()) {
        return Optional.empty();
      }
      return Optional.of(Instant.ofEpochSecond(exp.getAsLong()));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
