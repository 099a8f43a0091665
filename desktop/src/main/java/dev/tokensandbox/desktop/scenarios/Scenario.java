package dev.tokensandbox.desktop.scenarios;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tokensandbox.backend.workspace.Workspace;
import dev.tokensandbox.desktop.devices.DevicesViewModel;
import dev.tokensandbox.protocol.admin.FaultPlan;
import java.util.List;
import java.util.Map;

/**
 * A saved setup: backend options, the Issue forms, the fault plan, the new-device policy, the
 * virtual devices and the lab's preset with its what-if changes (renewal trigger, SDK generation;
 * null: the preset's own). {@code credentials} is present only when the user opted in.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Scenario(
    String format,
    int version,
    String savedAt,
    Backend backend,
    String issueFlow,
    Map<String, Map<String, String>> issueForms,
    FaultPlan faultPlan,
    List<DevicesViewModel.Definition> devices,
    String labPreset,
    String labTrigger,
    String labSdk,
    Workspace credentials) {

  public static final String FORMAT = dev.tokensandbox.client.presets.SavedScenario.FORMAT;
  public static final int VERSION = dev.tokensandbox.client.presets.SavedScenario.VERSION;

  /** Backend options: where it listens and how it behaves. */
  public record Backend(int port, boolean lan, boolean demoMode, boolean ginLegacyTokens) {}
}
