package dev.tokensandbox.desktop.diagram;

import dev.tokensandbox.desktop.host.WindowBackend;
import dev.tokensandbox.desktop.tasks.TaskExecutor;
import dev.tokensandbox.protocol.admin.JournalEntry;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * State of the Architecture screen: the backend's status and addresses, the pairing QR code, the
 * start/stop controls, and the latest request on each hop of App → Customer backend → Provider.
 */
public final class ArchitectureViewModel {
  /** A request the diagram animates: which hop, what, and how it went. */
  public record Hop(String hop, String label, int status) {
    public boolean failed() {
      return status >= 400;
    }
  }

  private final WindowBackend host;
  private final StringProperty port = new SimpleStringProperty(this, "port", "8080");
  private final BooleanProperty lan = new SimpleBooleanProperty(this, "lan", false);
  private final BooleanProperty lanDemoUsers =
      new SimpleBooleanProperty(this, "lanDemoUsers", false);
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
  private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper(this, "state", "");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private final ReadOnlyStringWrapper url = new ReadOnlyStringWrapper(this, "url", "");
  private final ReadOnlyStringWrapper deviceUrl = new ReadOnlyStringWrapper(this, "deviceUrl", "");
  private final ReadOnlyStringWrapper pairingCode =
      new ReadOnlyStringWrapper(this, "pairingCode", "");
  private final ReadOnlyStringWrapper pairingPayload =
      new ReadOnlyStringWrapper(this, "pairingPayload", "");
  private final ReadOnlyObjectWrapper<QrCode> qr = new ReadOnlyObjectWrapper<>(this, "qr");
  private final ReadOnlyObjectWrapper<Hop> appToCustomer = new ReadOnlyObjectWrapper<>(this, "a");
  private final ReadOnlyObjectWrapper<Hop> customerToProvider =
      new ReadOnlyObjectWrapper<>(this, "c");
  private final ReadOnlyObjectWrapper<Hop> appToProvider = new ReadOnlyObjectWrapper<>(this, "p");

  private boolean runningLan;

  public ArchitectureViewModel(WindowBackend host, TaskExecutor tasks) {
    this.host = host;
    lan.addListener((o, was, now) -> pendingChange());
    lanDemoUsers.addListener((o, was, now) -> pendingChange());
    host.addListener(
        new WindowBackend.Listener() {
          @Override
          public void status(WindowBackend.Status status) {
            tasks.onUi(() -> show(status));
          }

          @Override
          public void traffic(JournalEntry entry) {
            tasks.onUi(() -> hop(entry));
          }
        });
  }

  /** The port to (re)start on; 0 = any free port. */
  public StringProperty portProperty() {
    return port;
  }

  /** Listen on every interface so a phone can pair (turns demo mode off). */
  public BooleanProperty lanProperty() {
    return lan;
  }

  /**
   * In LAN mode, whether the documented demo users may log in (off by default: anyone on the Wi-Fi
   * can read their passwords in the README). On loopback they always may.
   */
  public BooleanProperty lanDemoUsersProperty() {
    return lanDemoUsers;
  }

  /** (Re)starts the backend with the chosen port and LAN mode; a bad port is reported. */
  public void start() {
    String text = port.get() == null ? "" : port.get().strip();
    if (!text.matches("\\d{1,5}") || Integer.parseInt(text) > 65_535) {
      message.set("port: must be a number in 0..65535 (0 = any free port)");
      return;
    }
    host.start(Integer.parseInt(text), lan.get(), !lan.get() || lanDemoUsers.get());
  }

  public void stop() {
    host.stop();
  }

  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty stateProperty() {
    return state.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty urlProperty() {
    return url.getReadOnlyProperty();
  }

  /** What a phone (LAN) or the emulator ({@code 10.0.2.2}) should use. */
  public ReadOnlyStringProperty deviceUrlProperty() {
    return deviceUrl.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty pairingCodeProperty() {
    return pairingCode.getReadOnlyProperty();
  }

  /** The text in the QR code. */
  public ReadOnlyStringProperty pairingPayloadProperty() {
    return pairingPayload.getReadOnlyProperty();
  }

  /** The pairing QR code, or null while the backend is not running. */
  public ReadOnlyObjectProperty<QrCode> qrProperty() {
    return qr.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Hop> appToCustomerProperty() {
    return appToCustomer.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Hop> customerToProviderProperty() {
    return customerToProvider.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Hop> appToProviderProperty() {
    return appToProvider.getReadOnlyProperty();
  }

  /** A switch that only a restart applies says so at once. */
  private void pendingChange() {
    if (!running.get()) {
      return;
    }
    message.set(
        lan.get() == runningLan && !lan.get()
            ? "Running on loopback only, as before."
            : "Press Restart to apply: the backend still listens "
                + (runningLan ? "on the LAN" : "on loopback only")
                + (lan.get() ? " (LAN mode turns demo mode off)." : "."));
  }

  private void show(WindowBackend.Status status) {
    runningLan = status.running() && !status.pairingCode().isEmpty();
    running.set(status.running());
    state.set(status.state().name());
    message.set(status.message());
    url.set(status.url());
    deviceUrl.set(status.deviceUrl());
    pairingCode.set(status.pairingCode());
    if (status.port() > 0 && status.running()) {
      port.set(Integer.toString(status.port()));
    }
    String payload = status.pairingPayload();
    pairingPayload.set(payload);
    qr.set(payload.isEmpty() ? null : QrCode.encode(payload));
  }

  private void hop(JournalEntry entry) {
    Hop hop = new Hop(entry.hop(), entry.method() + " " + shortPath(entry.path()), entry.status());
    switch (entry.hop()) {
      case "app→customer" -> appToCustomer.set(hop);
      case "customer→provider" -> customerToProvider.set(hop);
      case "app→provider" -> appToProvider.set(hop);
      default -> {
        // sandbox API calls are control traffic, not part of the pattern
      }
    }
  }

  private static String shortPath(String path) {
    int query = path.indexOf('?');
    return query < 0 ? path : path.substring(0, query);
  }
}
