package dev.tokensandbox.desktop.scenarios;

import dev.tokensandbox.client.presets.Scenario;
import dev.tokensandbox.desktop.devices.DevicesViewModel;
import dev.tokensandbox.desktop.lab.LabViewModel;
import java.util.List;
import java.util.Map;

/**
 * The parts of the window a scenario captures and restores, and what a bug report reads from them:
 * the Architecture screen's port and LAN switch, the Issue forms, the virtual devices, the lab's
 * preset and timeline. Read and changed on the UI thread. The Scenarios screen knows the window
 * only through this ({@link WindowParts} is the real one).
 */
public interface ScenarioParts {
  /** The port the backend is set to start on (the field's text, as typed). */
  String portText();

  boolean lan();

  void lan(boolean on);

  /** The Issue screen's chosen flow (an {@code IssueFlow} name). */
  String issueFlow();

  Map<String, Map<String, String>> issueForms();

  /** Restores forms saved by {@link #issueForms()}; {@code flow} may be null (keep the choice). */
  void restoreIssue(String flow, Map<String, Map<String, String>> forms);

  List<Scenario.Device> devices();

  /** Removes every virtual device and adds {@code definitions}. */
  void replaceDevices(List<Scenario.Device> definitions);

  /** The lab's chosen preset id, or null. */
  String labPreset();

  void labPreset(String id);

  /** The lab's what-if renewal trigger ({@code RenewalPolicy.Trigger} name), or null. */
  String labTrigger();

  /** The lab's what-if SDK generation ({@code SdkProfile} name), or null. */
  String labSdk();

  /** Sets the lab's what-if choices; null: the preset's own. */
  void labWhatIf(String trigger, String sdk);

  /** The lab's last run, or null when nothing ran. */
  LabViewModel.LabRun labRun();

  List<DevicesViewModel.DeviceLog> deviceLogs();
}
