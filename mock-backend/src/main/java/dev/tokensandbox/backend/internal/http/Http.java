package dev.tokensandbox.backend.internal.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.tokensandbox.backend.tokens.TokenRules;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Request and response helpers shared by every route: typed parameter reading with field-named
 * errors, JSON bodies, and responses whose body is kept for the traffic journal.
 */
public final class Http {
  private static final java.util.regex.Pattern INTEGER =
      java.util.regex.Pattern.compile("-?\\d{1,19}");
  public static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          // A rule for every device has no "device" member (the shared type carries no Jackson).
          .addMixIn(dev.tokensandbox.protocol.admin.FaultRule.class, WithoutNulls.class)
          .build();

  @com.fasterxml.jackson.annotation.JsonInclude(
      com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  private interface WithoutNulls {}

  /** Largest request body accepted; bigger ones are refused with 413 while they stream. */
  public static final long MAX_REQUEST_BYTES = 64 * 1024;

  /** Context attribute holding the response body as sent, for the journal. */
  public static final String BODY = "sandbox.responseBody";

  private Http() {}

  public static void json(Context ctx, int status, Object body) {
    String text;
    try {
      text = JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("response is not serialisable", e);
    }
    ctx.status(status).contentType("application/json").result(text);
    ctx.attribute(BODY, text);
  }

  public static void text(Context ctx, String body) {
    ctx.status(200).contentType("text/plain; charset=utf-8").result(body);
    ctx.attribute(BODY, body);
  }

  public static void error(Context ctx, ApiError e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", e.error());
    body.put("field", e.field());
    body.put("message", e.getMessage());
    if (e.retryAfterSeconds() >= 0) {
      ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
    }
    json(ctx, e.status(), body);
  }

  /** The request body as a JSON object; an empty body is an empty object. */
  public static JsonNode objectBody(Context ctx) {
    String body = ctx.body();
    if (body.isBlank()) {
      return JSON.createObjectNode();
    }
    JsonNode node;
    try {
      node = JSON.readTree(body);
    } catch (JacksonException e) {
      throw ApiError.badRequest("body", "must be valid JSON (" + e.getOriginalMessage() + ")");
    }
    if (node == null || !node.isObject()) {
      throw ApiError.badRequest("body", "must be a JSON object");
    }
    return node;
  }

  /** An optional string member; wrong type or over {@code maxLength} is a 400 naming it. */
  public static String text(JsonNode object, String field, int maxLength) {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.getNodeType() != JsonNodeType.STRING && !value.isNumber()) {
      throw ApiError.badRequest(field, "must be a string");
    }
    String text = value.asText();
    if (text.length() > maxLength) {
      throw ApiError.badRequest(field, "must be at most " + maxLength + " characters");
    }
    return text;
  }

  /** An optional integer member within {@code min..max}. */
  public static Integer integer(JsonNode object, String field, long min, long max) {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
      throw ApiError.badRequest(field, "must be an integer in " + min + ".." + max);
    }
    return value.asInt();
  }

  /** An optional integer query parameter within {@code min..max}. */
  public static Long queryLong(Context ctx, String name, long fallback, long min, long max) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isEmpty()) {
      return fallback;
    }
    if (!INTEGER.matcher(raw).matches()) {
      throw ApiError.badRequest(name, "must be an integer in " + min + ".." + max);
    }
    long value;
    try {
      value = Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw ApiError.badRequest(name, "must be an integer in " + min + ".." + max);
    }
    if (value < min || value > max) {
      throw ApiError.badRequest(name, "must be an integer in " + min + ".." + max);
    }
    return value;
  }

  /** A lifetime query parameter: 1..86400 seconds. */
  public static int expiry(Context ctx, String name, int fallback) {
    return queryLong(ctx, name, fallback, 1, TokenRules.MAX_EXPIRE_SECONDS).intValue();
  }
}
