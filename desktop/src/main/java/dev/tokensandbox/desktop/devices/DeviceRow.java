package dev.tokensandbox.desktop.devices;

import dev.tokensandbox.backend.tokens.TimeText;
import java.time.Instant;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What every device row shows, virtual or paired: its id, state, token fingerprint, countdown,
 * fault and event log. Updated on the UI thread by its view-model.
 */
public abstract class DeviceRow {
  private final String id;
  final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");
  final ReadOnlyStringWrapper token = new ReadOnlyStringWrapper("");
  final ReadOnlyStringWrapper countdown = new ReadOnlyStringWrapper("");
  final ReadOnlyStringWrapper fault = new ReadOnlyStringWrapper("");
  final ObservableList<String> log = FXCollections.observableArrayList();

  /** The last thing the screen said about this device (shown while it is selected). */
  String status = "";

  Instant expiresAt;

  DeviceRow(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public ReadOnlyStringProperty stateProperty() {
    return state.getReadOnlyProperty();
  }

  /** The current token's fingerprint (never the token). */
  public ReadOnlyStringProperty tokenProperty() {
    return token.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty countdownProperty() {
    return countdown.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty faultProperty() {
    return fault.getReadOnlyProperty();
  }

  /** The device's timeline, newest last. */
  public ObservableList<String> log() {
    return log;
  }

  /** Moves the countdown to {@code now}. */
  void tick(Instant now) {
    countdown.set(
        expiresAt == null ? "" : TimeText.expiry(now, expiresAt).replace("expires in ", ""));
  }
}
