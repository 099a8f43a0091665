package dev.tokensandbox.desktop.scenarios;

import dev.tokensandbox.client.presets.Presets;
import dev.tokensandbox.client.presets.Scenario;
import dev.tokensandbox.desktop.devices.DevicesViewModel;
import dev.tokensandbox.desktop.diagram.ArchitectureViewModel;
import dev.tokensandbox.desktop.issue.IssueFlow;
import dev.tokensandbox.desktop.issue.IssueViewModel;
import dev.tokensandbox.desktop.lab.LabViewModel;
import java.util.List;
import java.util.Map;

/** The window's real {@link ScenarioParts}: four screens' view-models. */
public final class WindowParts implements ScenarioParts {
  private final ArchitectureViewModel architecture;
  private final IssueViewModel issue;
  private final DevicesViewModel devices;
  private final LabViewModel lab;

  public WindowParts(
      ArchitectureViewModel architecture,
      IssueViewModel issue,
      DevicesViewModel devices,
      LabViewModel lab) {
    this.architecture = architecture;
    this.issue = issue;
    this.devices = devices;
    this.lab = lab;
  }

  @Override
  public String portText() {
    return architecture.portProperty().get();
  }

  @Override
  public boolean lan() {
    return architecture.lanProperty().get();
  }

  @Override
  public void lan(boolean on) {
    architecture.lanProperty().set(on);
  }

  @Override
  public String issueFlow() {
    return issue.flowProperty().get().name();
  }

  @Override
  public Map<String, Map<String, String>> issueForms() {
    return issue.forms();
  }

  @Override
  public void restoreIssue(String flow, Map<String, Map<String, String>> forms) {
    issue.restore(flow == null ? null : IssueFlow.valueOf(flow), forms);
  }

  @Override
  public List<Scenario.Device> devices() {
    return devices.definitions();
  }

  @Override
  public void replaceDevices(List<Scenario.Device> definitions) {
    devices.removeAll();
    definitions.forEach(devices::add);
  }

  @Override
  public String labPreset() {
    return lab.selectedProperty().get() == null ? null : lab.selectedProperty().get().id();
  }

  @Override
  public void labPreset(String id) {
    Presets.byId(id).ifPresent(lab.selectedProperty()::set);
  }

  @Override
  public String labTrigger() {
    return lab.triggerProperty().get() == null ? null : lab.triggerProperty().get().name();
  }

  @Override
  public String labSdk() {
    return lab.sdkProperty().get() == null ? null : lab.sdkProperty().get().name();
  }

  @Override
  public void labWhatIf(String trigger, String sdk) {
    lab.triggerProperty()
        .set(
            trigger == null
                ? null
                : dev.tokensandbox.client.session.RenewalPolicy.Trigger.valueOf(trigger));
    lab.sdkProperty().set(sdk == null ? null : dev.tokensandbox.client.rtc.SdkProfile.valueOf(sdk));
  }

  @Override
  public LabViewModel.LabRun labRun() {
    return lab.lastRun();
  }

  @Override
  public List<DevicesViewModel.DeviceLog> deviceLogs() {
    return devices.deviceLogs();
  }
}
