package dev.tokensandbox.desktop.devices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokensandbox.backend.devices.DeviceRegistry;
import dev.tokensandbox.backend.faults.FaultRule;
import dev.tokensandbox.backend.http.Http;
import dev.tokensandbox.client.clock.SandboxClock;
import dev.tokensandbox.desktop.host.BackendHost;
import dev.tokensandbox.protocol.DeviceCommand;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Paired devices (the Android sample and anything else on the device channel): live rows from the
 * backend's {@link DeviceRegistry}, and commands sent the way any client sends them, {@code POST
 * /sandbox/devices/{id}/commands} — the same channel the app's tests drive.
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

  private static final MediaType JSON = MediaType.get("application/json");

  private final BackendHost host;
  private final OkHttpClient http;
  private final SandboxClock clock;
  private final Executor io;
  private final Executor ui;
  private final ObservableList<Row> rows = FXCollections.observableArrayList();
  private final ObjectProperty<Row> selected = new SimpleObjectProperty<>(this, "selected");
  private final ReadOnlyStringWrapper message =
      new ReadOnlyStringWrapper(
          this, "message", "Pair the Android sample with the QR code on the Architecture screen.");
  private Runnable unsubscribe = () -> {};

  public PairedDevicesViewModel(
      BackendHost host, OkHttpClient http, SandboxClock clock, Executor io, Executor ui) {
    this.host = host;
    this.http = http;
    this.clock = clock;
    this.io = io;
    this.ui = ui;
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
    send(command, Http.JSON.createObjectNode());
  }

  /** Sets (or with an unknown label clears) the selected device's fault, by Devices label. */
  public void setFault(String label) {
    FaultRule rule = DevicesViewModel.FAULTS.get(label);
    ObjectNode args = Http.JSON.createObjectNode();
    args.put("fault", rule == null ? "NONE" : rule.fault().name());
    if (rule != null) {
      args.put("value", rule.value());
      args.put("route", rule.route());
    }
    send(DeviceCommand.SET_FAULT, args);
  }

  /** Sets the selected device's renewal trigger (WILL_EXPIRE, REQUEST_TOKEN or BOTH). */
  public void setPolicy(String trigger) {
    ObjectNode args = Http.JSON.createObjectNode();
    args.put("trigger", trigger);
    send(DeviceCommand.SET_POLICY, args);
  }

  /** Moves the countdowns (once a second). */
  public void tick() {
    Instant now = clock.now();
    rows.forEach(row -> row.tick(now));
  }

  private void send(DeviceCommand command, ObjectNode args) {
    Row row = selected.get();
    BackendHost.Status status = host.status();
    if (row == null) {
      message.set("Select a paired device first.");
      return;
    }
    if (!status.running()) {
      message.set("The backend is not running.");
      return;
    }
    ObjectNode body = Http.JSON.createObjectNode();
    body.put("command", command.wire());
    body.set("args", args);
    String name = command.wire();
    String url = status.url() + "/sandbox/devices/" + row.id() + "/commands";
    message.set(row.id() + ": sending " + name + " …");
    io.execute(
        () -> {
          String result;
          try (Response response =
              http.newCall(
                      new Request.Builder()
                          .url(url)
                          .post(RequestBody.create(body.toString(), JSON))
                          .build())
                  .execute()) {
            String text = response.body() == null ? "" : response.body().string();
            JsonNode answer = text.startsWith("{") ? Http.JSON.readTree(text) : null;
            result =
                response.code() == 202
                    ? row.id()
                        + ": "
                        + name
                        + (answer != null && answer.path("delivered").asBoolean()
                            ? " sent (" + answer.path("id").asText() + ")"
                            : " applied")
                    : row.id()
                        + ": "
                        + name
                        + " refused, "
                        + response.code()
                        + " "
                        + (answer == null ? text : answer.path("message").asText());
          } catch (IOException e) {
            result = row.id() + ": " + name + " failed: " + e.getMessage();
          }
          String shown = result;
          ui.execute(() -> message.set(shown));
        });
  }

  /** Follows the registry of whichever server is running now. */
  private void follow() {
    unsubscribe.run();
    unsubscribe = () -> {};
    host.server()
        .ifPresent(
            server -> {
              DeviceRegistry registry = server.devices();
              unsubscribe = registry.subscribe(d -> ui.execute(() -> show(d)));
              for (DeviceRegistry.Device d : registry.devices()) {
                ui.execute(() -> show(d));
              }
            });
  }

  private void show(DeviceRegistry.Device d) {
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
