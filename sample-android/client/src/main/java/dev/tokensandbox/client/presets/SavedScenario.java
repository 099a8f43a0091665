package dev.tokensandbox.client.presets;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.tokensandbox.client.rtc.SdkProfile;
import dev.tokensandbox.client.session.RenewalPolicy;
import java.util.function.UnaryOperator;

/**
 * What a scenario saved by the desktop ({@code token-sandbox-scenario} JSON) means to a headless
 * run: its Expiry-lab preset with the lab's what-if changes (renewal trigger, SDK generation), run
 * in virtual time for a verdict. The rest of the file (the Issue forms, virtual devices, fault
 * plan) sets up the interactive sandbox and is not read here.
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
    QaPreset chosen =
        Presets.byId(preset)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "the scenario's lab preset '" + preset + "' is not one this sandbox has"));
    return whatIf(string(root, "labTrigger"), string(root, "labSdk")).apply(chosen);
  }

  /**
   * The what-if a scenario saved, in words ({@code "what-if trigger REQUEST_TOKEN, SDK V3"}), or ""
   * when it runs the preset as it is. The JSON must be one {@link #labPreset} accepts.
   */
  public static String whatIfText(String json) {
    JsonObject root = JsonParser.parseString(json).getAsJsonObject();
    String trigger = string(root, "labTrigger");
    String sdk = string(root, "labSdk");
    if (trigger == null && sdk == null) {
      return "";
    }
    StringBuilder out = new StringBuilder("what-if");
    if (trigger != null) {
      out.append(" trigger ").append(trigger);
    }
    if (sdk != null) {
      out.append(trigger != null ? "," : "").append(" SDK ").append(sdk);
    }
    return out.toString();
  }

  /**
   * The lab's what-if changes a scenario saved: a renewal trigger and an SDK generation by name,
   * each null for the preset's own.
   *
   * @throws IllegalArgumentException naming the field and the values it takes
   */
  public static UnaryOperator<QaPreset> whatIf(String trigger, String sdk) {
    RenewalPolicy.Trigger t =
        trigger == null ? null : parse(RenewalPolicy.Trigger.class, "labTrigger", trigger);
    SdkProfile p = sdk == null ? null : parse(SdkProfile.class, "labSdk", sdk);
    return preset -> preset.withWhatIf(t, p);
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      StringBuilder names = new StringBuilder();
      for (E c : type.getEnumConstants()) {
        names.append(names.length() == 0 ? "" : ", ").append(c.name());
      }
      throw new IllegalArgumentException(field + ": '" + value + "' is not one of " + names, e);
    }
  }

  private static String string(JsonObject o, String key) {
    JsonElement e = o.get(key);
    return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()
        ? e.getAsString()
        : null;
  }
}
