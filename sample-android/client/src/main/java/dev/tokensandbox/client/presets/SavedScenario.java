package dev.tokensandbox.client.presets;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * What a scenario saved by the desktop ({@code token-sandbox-scenario} JSON) means to a headless
 * run: its Expiry-lab preset, run in virtual time for a verdict. The rest of the file (the Issue
 * forms, virtual devices, fault plan) sets up the interactive sandbox and is not read here.
 */
public final class SavedScenario {
  public static final String FORMAT = "token-sandbox-scenario";
  public static final int VERSION = 1;

  private SavedScenario() {}

  /**
   * The scenario's lab preset.
   *
   * @throws IllegalArgumentException with a one-line reason: not JSON, not a scenario, a newer
   *     version, no lab preset, or a preset this sandbox does not know
   */
  public static QaPreset labPreset(String json) {
    JsonObject root;
    try {
      JsonElement parsed = JsonParser.parseString(json);
      if (!parsed.isJsonObject()) {
        throw new IllegalArgumentException("not a scenario: the file is not a JSON object");
      }
      root = parsed.getAsJsonObject();
    } catch (JsonParseException e) {
      throw new IllegalArgumentException("not a scenario: the file is not valid JSON");
    }
    String format = string(root, "format");
    if (!FORMAT.equals(format)) {
      throw new IllegalArgumentException(
          "not a scenario: format is "
              + (format == null ? "missing" : "'" + format + "'")
              + ", expected '"
              + FORMAT
              + "'");
    }
    JsonElement version = root.get("version");
    if (version == null
        || !version.isJsonPrimitive()
        || !version.getAsJsonPrimitive().isNumber()
        || version.getAsInt() > VERSION) {
      throw new IllegalArgumentException(
          "scenario version "
              + (version == null ? "missing" : version.toString())
              + " is not one this sandbox reads (1)");
    }
    String preset = string(root, "labPreset");
    if (preset == null || preset.isEmpty()) {
      throw new IllegalArgumentException(
          "the scenario has no lab preset: choose one in the Expiry lab, then save the scenario");
    }
    return Presets.byId(preset)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "the scenario's lab preset '" + preset + "' is not one this sandbox has"));
  }

  private static String string(JsonObject o, String key) {
    JsonElement e = o.get(key);
    return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()
        ? e.getAsString()
        : null;
  }
}
