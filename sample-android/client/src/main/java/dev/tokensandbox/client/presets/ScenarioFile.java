package dev.tokensandbox.client.presets;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import dev.tokensandbox.protocol.admin.FaultRule;
import java.io.IOException;

/**
 * The scenario file's one reader and one writer ({@link Scenario}, Gson), used by the desktop,
 * {@code run-preset} and the JUnit extension. A file that is not a scenario this sandbox reads is
 * refused with one line naming the field and the rule: not JSON, another format, a newer version, a
 * value of the wrong type, an enum value that is not one of the names ({@code devices[0].trigger:
 * 'SOON' is not one of WILL_EXPIRE, REQUEST_TOKEN, BOTH}), a lab preset this sandbox does not have,
 * a fault rule its own rules refuse.
 */
public final class ScenarioFile {
  private static final Gson GSON =
      new GsonBuilder()
          .setPrettyPrinting()
          .disableHtmlEscaping()
          .registerTypeAdapterFactory(new StrictEnums())
          .registerTypeAdapterFactory(new NamedMismatches())
          .create();

  private ScenarioFile() {}

  /** {@code scenario} as the file holds it: pretty-printed, members left null omitted. */
  public static String write(Scenario scenario) {
    return GSON.toJson(scenario) + "\n";
  }

  /**
   * The scenario in {@code json}.
   *
   * @throws IllegalArgumentException with a one-line reason naming the field
   */
  public static Scenario read(String json) {
    JsonObject root;
    try {
      JsonElement parsed = JsonParser.parseString(json);
      if (!parsed.isJsonObject()) {
        throw new IllegalArgumentException("not a scenario: the file is not a JSON object");
      }
      root = parsed.getAsJsonObject();
    } catch (JsonParseException e) {
      java.util.regex.Matcher at =
          java.util.regex.Pattern.compile("at line (\\d+) column (\\d+)")
              .matcher(String.valueOf(e.getMessage()));
      throw new IllegalArgumentException(
          "not a scenario: the file is not valid JSON"
              + (at.find() ? " at line " + at.group(1) + ", column " + at.group(2) : ""));
    }
    JsonElement format = root.get("format");
    String formatText =
        format != null && format.isJsonPrimitive() && format.getAsJsonPrimitive().isString()
            ? format.getAsString()
            : null;
    if (!Scenario.FORMAT.equals(formatText)) {
      throw new IllegalArgumentException(
          "not a scenario: format is "
              + (formatText == null ? "missing" : "'" + formatText + "'")
              + ", expected '"
              + Scenario.FORMAT
              + "'");
    }
    JsonElement version = root.get("version");
    if (version == null
        || !version.isJsonPrimitive()
        || !version.getAsJsonPrimitive().isNumber()
        || version.getAsInt() < 1
        || version.getAsInt() > Scenario.VERSION) {
      throw new IllegalArgumentException(
          "scenario version "
              + (version == null ? "missing" : version.toString())
              + " is not one this sandbox reads ("
              + Scenario.VERSION
              + ")");
    }
    faultRules(root);
    Scenario scenario;
    try {
      scenario = GSON.fromJson(root, Scenario.class);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(reason(e));
    }
    if (scenario.labPreset() != null && !Presets.byId(scenario.labPreset()).isPresent()) {
      throw new IllegalArgumentException(
          "labPreset: '" + scenario.labPreset() + "' is not a preset this sandbox has");
    }
    SavedScenario.whatIf(scenario.labTrigger(), scenario.labSdk()); // checks both names
    return scenario;
  }

  /**
   * The fault plan's rules as the API takes them: {@code probability} defaults to 1 (the schema
   * makes it optional), and a rule its own checks refuse is named by its place ({@code
   * faultPlan.rules[0].value: STATUS needs one of …}).
   */
  private static void faultRules(JsonObject root) {
    JsonElement plan = root.get("faultPlan");
    JsonElement rules =
        plan != null && plan.isJsonObject() ? plan.getAsJsonObject().get("rules") : null;
    if (rules == null || !rules.isJsonArray()) {
      return;
    }
    for (int i = 0; i < rules.getAsJsonArray().size(); i++) {
      JsonElement rule = rules.getAsJsonArray().get(i);
      if (!rule.isJsonObject()) {
        continue; // Gson names the mismatch with its path
      }
      if (!rule.getAsJsonObject().has("probability")) {
        rule.getAsJsonObject().addProperty("probability", 1.0);
      }
      try {
        GSON.fromJson(rule, FaultRule.class);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("faultPlan.rules[" + i + "]." + reason(e));
      }
    }
  }

  static <E extends Enum<E>> E named(Class<E> type, String field, String value) {
    for (E c : type.getEnumConstants()) {
      if (c.name().equals(value)) {
        return c;
      }
    }
    throw new IllegalArgumentException(field + ": '" + value + "' is not one of " + names(type));
  }

  private static String names(Class<? extends Enum<?>> type) {
    StringBuilder names = new StringBuilder();
    for (Enum<?> c : type.getEnumConstants()) {
      names.append(names.length() == 0 ? "" : ", ").append(c.name());
    }
    return names.toString();
  }

  private static final java.util.regex.Pattern GSON_PROBLEM =
      java.util.regex.Pattern.compile(
          "(?s)^(?:[\\w.$]+: )?(.*?) at line \\d+ column \\d+ path \\$\\.?(\\S*).*");

  /**
   * One line naming the field: a value type's or an enum's own refusal as it is ({@code value:
   * STATUS needs one of …}); Gson's type mismatches with the path it gives.
   */
  private static String reason(RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String own = t.getMessage();
      if (t instanceof IllegalArgumentException
          && !(t instanceof NumberFormatException)
          && own != null
          && own.matches("(?s)^[\\w\\[\\].]+: .*")) {
        return own;
      }
    }
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    java.util.regex.Matcher m = GSON_PROBLEM.matcher(message);
    if (m.matches()) {
      String rule = m.group(1);
      return (m.group(2).isEmpty() ? "scenario" : m.group(2))
          + ": "
          + Character.toLowerCase(rule.charAt(0))
          + rule.substring(1);
    }
    return "not a scenario: " + message.split("\n")[0];
  }

  /** Enums by exact name; anything else is refused naming the field (Gson would read null). */
  private static final class StrictEnums implements TypeAdapterFactory {
    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
      Class<? super T> raw = type.getRawType();
      if (!Enum.class.isAssignableFrom(raw) || raw == Enum.class) {
        return null;
      }
      Class<? extends Enum> enumType =
          raw.isEnum() ? (Class<? extends Enum>) raw : (Class<? extends Enum>) raw.getSuperclass();
      return (TypeAdapter<T>)
          new TypeAdapter<Enum>() {
            @Override
            public void write(JsonWriter out, Enum value) throws IOException {
              if (value == null) {
                out.nullValue();
              } else {
                out.value(value.name());
              }
            }

            @Override
            public Enum read(JsonReader in) throws IOException {
              if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return null;
              }
              String field = in.getPath().replaceFirst("^\\$\\.", "");
              String value = in.nextString();
              return named(enumType, field, value);
            }
          }.nullSafe();
    }
  }

  /**
   * Numbers, booleans and text read with the field's path in their refusal ({@code
   * devices[0].lifetimeSeconds: expected a number, not "ninety"}): Gson says only what it could not
   * parse.
   */
  private static final class NamedMismatches implements TypeAdapterFactory {
    @Override
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
      Class<? super T> raw = type.getRawType();
      String expected =
          raw == String.class
              ? "text"
              : raw == boolean.class || raw == Boolean.class
                  ? "true or false"
                  : raw.isPrimitive() || Number.class.isAssignableFrom(raw) ? "a number" : null;
      if (expected == null) {
        return null;
      }
      TypeAdapter<T> delegate = gson.getDelegateAdapter(this, type);
      return new TypeAdapter<T>() {
        @Override
        public void write(JsonWriter out, T value) throws IOException {
          delegate.write(out, value);
        }

        @Override
        public T read(JsonReader in) throws IOException {
          String field = in.getPath().replaceFirst("^\\$\\.", "");
          JsonToken token = in.peek();
          try {
            return delegate.read(in);
          } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                field
                    + ": expected "
                    + expected
                    + ", not "
                    + token.name().toLowerCase(java.util.Locale.ROOT)
                    + (e.getCause() instanceof NumberFormatException
                        ? " " + e.getCause().getMessage().replaceFirst("^For input string: ", "")
                        : ""),
                e);
          }
        }
      };
    }
  }
}
