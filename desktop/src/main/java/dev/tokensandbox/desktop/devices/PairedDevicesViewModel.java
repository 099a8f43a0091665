package dev.tokensandbox.desktop.devices;

import dev.tokensandbox.client.clock.SandboxClock;
import dev.tokensandbox.desktop.host.WindowBackend;
import dev.tokensandbox.desktop.tasks.BackgroundTask;
import dev.tokensandbox.desktop.tasks.TaskExecutor;
import dev.tokensandbox.protocol.DeviceCommand;
import dev.tokensandbox.protocol.admin.AdminException;
import dev.tokensandbox.protocol.admin.FaultRule;
import dev.tokensandbox.protocol.admin.SandboxAdmin;
import dev.tokensandbox.protocol.admin.SandboxAdmin.CommandArgs;
import java.time.Instant;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Paired devices (the Android sample and anything else on the device channel): live rows and
 * commands through the sandbox's {@link SandboxAdmin} — the same operation {@code POST
 * /sandbox/devices/{id}/commands} adapts, with the same checks and errors.
 */
public final class PairedDevicesViewModel {
  /** A paired device's row: the common columns plus its name, link and policy. */
  public static final class Row extends DeviceRow {
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper online = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper policy = new ReadOnlyStringWrapper("");

    Row(String id) {
      super(id);
    }

    public ReadOnlyStringProperty nameProperty() {
      return name.getReadOnlyProperty();
    }

    /** "online" or "offline". */
    public ReadOnlyStringProperty onlineProperty() {
      return online.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty policyProperty() {
      return policy.getReadOnlyProperty();
    }
  }

  private final WindowBackend host;
  private final SandboxClock clock;
  private final TaskExecutor tasks;
  private final ObservableList<Row> rows = FXCollections.observableArrayList();
  private final ObjectProperty<Row> selected = new SimpleObjectProperty<>(this, "selected");
  private final ReadOnlyStringWrapper message =
      new ReadOnlyStringWrapper(
          this, "message", "Pair the Android sample with the QR code on the Architecture screen.");
  private Runnable unsubscribe = () -> {};

  public PairedDevicesViewModel(WindowBackend host, SandboxClock clock, TaskExecutor tasks) {
    this.host = host;
    this.clock = clock;
    this.tasks = tasks;
    host.addListener(status -> follow());
  }

  public ObservableList<Row> rows() {
    return rows;
  }

  public ObjectProperty<Row> selectedProperty() {
    return selected;
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** Sends {@code command} (fetch, join, renew, expire now, leave) to the selected device. */
  public void send(DeviceCommand command) {
    send(command, CommandArgs.NONE);
  }

  /** Sets (or with an unknown label clears) the selected device's fault, by Devices label. */
  public void setFault(String label) {
    FaultRule rule = DevicesViewModel.FAULTS.get(label);
    send(
        DeviceCommand.SET_FAULT,
        rule == null
            ? new CommandArgs("NONE", null, null, null)
            : new CommandArgs(rule.fault().name(), rule.value(), rule.route(), null));
  }

  /** Sets the selected device's renewal trigger (WILL_EXPIRE, REQUEST_TOKEN or BOTH). */
  public void setPolicy(String trigger) {
    send(DeviceCommand.SET_POLICY, CommandArgs.trigger(trigger));
  }

  /** Moves the countdowns (once a second). */
  public void tick() {
    Instant now = clock.now();
    rows.forEach(row -> row.tick(now));
  }

  private void send(DeviceCommand command, CommandArgs args) {
    Row row = selected.get();
    SandboxAdmin admin = host.admin().orElse(null);
    if (row == null) {
      message.set("Select a paired device first.");
      return;
    }
    if (admin == null) {
      message.set("The backend is not running.");
      return;
    }
    String name = command.wire();
    message.set(row.id() + ": sending " + name + " …");
    BackgroundTask.wrap(() -> admin.command(row.id(), command, args))
        .onSuccess(
            receipt ->
                message.set(
                    row.id()
                        + ": "
                        + name
                        + (receipt.delivered() ? " sent (" + receipt.id() + ")" : " applied")))
        .onFailure(
            e ->
                message.set(
                    row.id()
                        + ": "
                        + name
                        + " refused, "
                        + (e instanceof AdminException a ? a.status() + " " : "")
                        + e.getMessage()))
        .executeWith(tasks);
  }

  /** Follows the registry of whichever server is running now. */
  private void follow() {
    unsubscribe.run();
    unsubscribe = () -> {};
    host.admin()
        .ifPresent(
            admin -> {
              unsubscribe = admin.subscribeDevices(d -> tasks.onUi(() -> show(d)));
              for (dev.tokensandbox.protocol.admin.Device d : admin.devices()) {
                tasks.onUi(() -> show(d));
              }
            });
  }

  private void show(dev.tokensandbox.protocol.admin.Device d) {
    Row row = null;
    for (Row r : rows) {
      if (r.id().equals(d.id())) {
        row = r;
      }
    }
    if (row == null) {
      row = new Row(d.id());
      rows.add(row);
      if (selected.get() == null) {
        selected.set(row);
      }
      message.set(d.id() + " paired");
    }
    row.name.set(d.name() + (d.platform().isEmpty() ? "" : " · " + d.platform()));
    row.online.set(d.connected() ? "online" : "offline");
    row.state.set(d.state());
    row.token.set(d.token());
    row.expiresAt = d.tokenExpiresAt();
    row.policy.set(d.policy());
    row.fault.set(d.fault().isEmpty() ? "none" : d.fault());
    row.log.setAll(d.events());
    tick();
  }
}
