package dev.tokensandbox.client.backend;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/** Gson helpers that turn a missing or mistyped field into {@link Malformed}, never a crash. */
final class Json {
  static final Gson GSON = new Gson();

  private Json() {}

  /** The body as a JSON object, or null when it is not one. */
  static JsonObject object(String raw) {
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    try {
      JsonElement e = JsonParser.parseString(raw);
      return e.isJsonObject() ? e.getAsJsonObject() : null;
    } catch (JsonParseException | IllegalStateException e) {
      return null;
    }
  }

  static String text(JsonObject o, String name) {
    JsonElement e = o.get(name);
    return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()
        ? e.getAsString()
        : null;
  }

  static String requireText(JsonObject o, String name) {
    String value = text(o, name);
    if (value == null || value.isEmpty()) {
      throw new Malformed("\"" + name + "\" is missing or not a string");
    }
    return value;
  }

  static long requireLong(JsonObject o, String name) {
    JsonElement e = o.get(name);
    if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
      throw new Malformed("\"" + name + "\" is missing or not a number");
    }
    return e.getAsLong();
  }

  static JsonObject requireObject(JsonObject o, String name) {
    JsonElement e = o.get(name);
    if (e == null || !e.isJsonObject()) {
      throw new Malformed("\"" + name + "\" is missing or not an object");
    }
    return e.getAsJsonObject();
  }

  /** A body that is not what the route promises. */
  static final class Malformed extends RuntimeException {
    Malformed(String message) {
      super(message, null, false, false);
    }
  }
}
