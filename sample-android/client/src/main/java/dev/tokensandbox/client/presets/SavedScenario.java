package dev.tokensandbox.client.presets;

import dev.tokensandbox.client.rtc.SdkProfile;
import dev.tokensandbox.client.session.RenewalPolicy;
import java.util.function.UnaryOperator;

/**
 * What a {@link Scenario} means to a headless run ({@code run-preset}, the JUnit extension): its
 * Expiry-lab preset with the lab's what-if changes (renewal trigger, SDK generation), run in
 * virtual time for a verdict. The file is read by {@link ScenarioFile}; the rest of it (the Issue
 * forms, virtual devices, fault plan) sets up the interactive sandbox.
 */
public final class SavedScenario {
  private SavedScenario() {}

  /**
   * The scenario's lab preset.
   *
   * @throws IllegalArgumentException with a one-line reason: not JSON, not a scenario, a newer
   *     version, no lab preset, or a preset this sandbox does not know
   */
  public static QaPreset labPreset(String json) {
    return labPreset(ScenarioFile.read(json));
  }

  /** As {@link #labPreset(String)}, for a scenario already read. */
  public static QaPreset labPreset(Scenario scenario) {
    String preset = scenario.labPreset();
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
    return whatIf(scenario.labTrigger(), scenario.labSdk()).apply(chosen);
  }

  /**
   * The what-if a scenario saved, in words ({@code "what-if trigger REQUEST_TOKEN, SDK V3"}), or ""
   * when it runs the preset as it is.
   */
  public static String whatIfText(Scenario scenario) {
    String trigger = scenario.labTrigger();
    String sdk = scenario.labSdk();
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
        trigger == null
            ? null
            : ScenarioFile.named(RenewalPolicy.Trigger.class, "labTrigger", trigger);
    SdkProfile p = sdk == null ? null : ScenarioFile.named(SdkProfile.class, "labSdk", sdk);
    return preset -> preset.withWhatIf(t, p);
  }
}
