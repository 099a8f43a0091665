package dev.tokensandbox.backend.workspace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The workspace file's JSON, read and written with Jackson's streaming parser: six string fields
 * need no data binding, and skipping it keeps ~450 classes and their introspection off every
 * command that reads the workspace ({@code decode} among them). The file looks as data binding
 * wrote it (two-space indent, {@code "name" : "value"}); unknown fields are ignored, and a number
 * or boolean where a string belongs is taken as its text, as data binding did.
 */
final class WorkspaceJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  /** The fields, in the order the file lists them. */
  private static final List<String> FIELDS =
      List.of(
          "appId",
          "appCertificate",
          "chatsdkJwtSecret",
          "ringnityJwtSecret",
          "ringnityApiKey",
          "chatsdkApiKey");

  private WorkspaceJson() {}

  /**
   * The workspace in {@code json}, or null when the file holds JSON {@code null}. Text that is not
   * a JSON object of strings is a {@link JsonParseException} naming what was found and where.
   */
  /**
   * The file is JSON but not a workspace's shape: its message names what was found ("an array",
   * "appId must be a string"), never the file's text.
   */
  static final class ShapeException extends JsonParseException {
    ShapeException(com.fasterxml.jackson.core.JsonParser parser, String message) {
      super(parser, message);
    }
  }

  static Workspace read(InputStream json) throws IOException {
    try (JsonParser parser = FACTORY.createParser(json)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new ShapeException(parser, "no content: the file is empty");
      }
      if (first == JsonToken.VALUE_NULL) {
        return null;
      }
      if (first != JsonToken.START_OBJECT) {
        throw new ShapeException(parser, "expected a JSON object, found " + describe(first));
      }
      Map<String, String> values = new HashMap<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (!FIELDS.contains(name)) {
          parser.skipChildren();
        } else if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
          throw new ShapeException(parser, name + " must be a string, found " + describe(value));
        } else {
          values.put(name, value == JsonToken.VALUE_NULL ? null : parser.getText());
        }
      }
      return new Workspace(
          values.get("appId"),
          values.get("appCertificate"),
          values.get("chatsdkJwtSecret"),
          values.get("ringnityJwtSecret"),
          values.get("ringnityApiKey"),
          values.get("chatsdkApiKey"));
    }
  }

  static byte[] write(Workspace workspace) throws IOException {
    String[] values = {
      workspace.appId(),
      workspace.appCertificate(),
      workspace.chatsdkJwtSecret(),
      workspace.ringnityJwtSecret(),
      workspace.ringnityApiKey(),
      workspace.chatsdkApiKey()
    };
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = FACTORY.createGenerator(out).useDefaultPrettyPrinter()) {
      json.writeStartObject();
      for (int i = 0; i < values.length; i++) {
        json.writeStringField(FIELDS.get(i), values[i]);
      }
      json.writeEndObject();
    }
    return out.toByteArray();
  }

  private static String describe(JsonToken token) {
    return switch (token) {
      case START_ARRAY -> "an array";
      case START_OBJECT -> "an object";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      default -> token.asString() == null ? token.name() : token.asString();
    };
  }
}
