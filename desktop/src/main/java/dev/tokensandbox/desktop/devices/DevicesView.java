package dev.tokensandbox.desktop.devices;

import dev.tokensandbox.client.backend.Flow;
import dev.tokensandbox.client.session.RenewalPolicy;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Devices: virtual devices with live state, countdown, log and commands. */
public final class DevicesView extends VBox {

  public DevicesView(DevicesViewModel model, PairedDevicesViewModel paired) {
    getStyleClass().add("screen");
    Label title = new Label("Devices");
    title.getStyleClass().add("title");

    ComboBox<Flow> flow = new ComboBox<>(FXCollections.observableArrayList(Flow.values()));
    flow.setId("new-device-flow");
    flow.valueProperty().bindBidirectional(model.newFlowProperty());
    flow.setConverter(
        new javafx.util.StringConverter<>() {
          @Override
          public String toString(Flow f) {
            return f == null ? "" : f.label();
          }

          @Override
          public Flow fromString(String text) {
            return null;
          }
        });
    ComboBox<Integer> lifetime =
        new ComboBox<>(FXCollections.observableArrayList(45, 90, 300, 900, 3600));
    lifetime.setId("new-device-lifetime");
    lifetime.valueProperty().bindBidirectional(model.newLifetimeProperty());
    ComboBox<RenewalPolicy.Trigger> trigger =
        new ComboBox<>(FXCollections.observableArrayList(RenewalPolicy.Trigger.values()));
    trigger.setId("new-device-trigger");
    trigger.valueProperty().bindBidirectional(model.newTriggerProperty());
    Button add = new Button("Add virtual device");
    add.setId("add-device");
    add.getStyleClass().add("accent");
    add.setOnAction(e -> model.add());
    HBox create =
        new HBox(
            8,
            new Label("Flow"),
            flow,
            new Label("Token lifetime (s, RTC)"),
            lifetime,
            new Label("Renew on"),
            trigger,
            add);
    create.setAlignment(Pos.CENTER_LEFT);
    create.getStyleClass().add("toolbar");

    TableView<DevicesViewModel.Row> table = new TableView<>(model.rows());
    table.setId("devices-table");
    table
        .getColumns()
        .add(column("Device", 80, r -> new javafx.beans.property.SimpleStringProperty(r.name())));
    table
        .getColumns()
        .add(
            column(
                "Flow",
                110,
                r -> new javafx.beans.property.SimpleStringProperty(r.flow().label())));
    table.getColumns().add(column("State", 105, DevicesViewModel.Row::stateProperty));
    table.getColumns().add(column("Token", 100, DevicesViewModel.Row::tokenProperty));
    table.getColumns().add(column("Expires in", 80, DevicesViewModel.Row::countdownProperty));
    table.getColumns().add(column("Renewals", 150, DevicesViewModel.Row::countsProperty));
    table.getColumns().add(column("Fault", 130, DevicesViewModel.Row::faultProperty));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setPlaceholder(
        new Label(
            "No devices yet. Add a virtual device; paired Android devices appear here when the"
                + " sample app connects."));
    table
        .getSelectionModel()
        .selectedItemProperty()
        .addListener((o, was, now) -> model.selectedProperty().set(now));
    model.selectedProperty().addListener((o, was, now) -> table.getSelectionModel().select(now));

    Button join = command("device-join", "Join", model::join, model);
    Button renew = command("device-renew", "Renew", model::renew, model);
    Button expire = command("device-expire", "Expire now", model::expireNow, model);
    Button leave = command("device-leave", "Leave", model::leave, model);
    ComboBox<String> fault = new ComboBox<>();
    fault.setId("device-fault");
    fault.getItems().add(DevicesViewModel.NO_FAULT);
    fault.getItems().addAll(DevicesViewModel.FAULTS.keySet());
    fault.setPromptText("Set fault…");
    fault.disableProperty().bind(model.selectedProperty().isNull());
    fault.setOnAction(
        e -> {
          if (fault.getValue() != null) {
            model.setFault(fault.getValue());
          }
        });
    Label message = new Label();
    message.setId("devices-message");
    message.textProperty().bind(model.messageProperty());
    HBox commands = new HBox(8, join, renew, expire, leave, fault);
    commands.setAlignment(Pos.CENTER_LEFT);
    message.setWrapText(true);

    ListView<String> log = new ListView<>();
    log.setId("device-log");
    model
        .selectedProperty()
        .addListener(
            (o, was, now) -> {
              log.setItems(now == null ? FXCollections.observableArrayList() : now.log());
              fault.setValue(null);
            });
    VBox logPane = new VBox(6, new Label("Event log"), log);
    VBox.setVgrow(log, Priority.ALWAYS);
    VBox tablePane = new VBox(8, commands, table, message);
    VBox.setVgrow(table, Priority.ALWAYS);
    SplitPane split = new SplitPane(tablePane, logPane);
    split.setDividerPositions(0.7);

    SplitPane sections = new SplitPane(split, pairedSection(paired));
    sections.setOrientation(javafx.geometry.Orientation.VERTICAL);
    sections.setDividerPositions(0.55);
    VBox.setVgrow(sections, Priority.ALWAYS);
    getChildren().addAll(title, create, sections);
  }

  /** Paired devices: what they report over the device channel, and commands sent to them. */
  private static SplitPane pairedSection(PairedDevicesViewModel model) {
    TableView<PairedDevicesViewModel.Row> table = new TableView<>(model.rows());
    table.setId("paired-table");
    table
        .getColumns()
        .add(column("Device", 140, r -> new javafx.beans.property.SimpleStringProperty(r.id())));
    table.getColumns().add(column("Name", 160, PairedDevicesViewModel.Row::nameProperty));
    table.getColumns().add(column("Link", 60, PairedDevicesViewModel.Row::onlineProperty));
    table.getColumns().add(column("State", 100, PairedDevicesViewModel.Row::stateProperty));
    table.getColumns().add(column("Token", 100, PairedDevicesViewModel.Row::tokenProperty));
    table.getColumns().add(column("Expires in", 80, PairedDevicesViewModel.Row::countdownProperty));
    table.getColumns().add(column("Policy", 100, PairedDevicesViewModel.Row::policyProperty));
    table.getColumns().add(column("Fault", 100, PairedDevicesViewModel.Row::faultProperty));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setPlaceholder(
        new Label(
            "No paired device yet: install the Android sample and scan the QR code on the"
                + " Architecture screen (or type the URL)."));
    table
        .getSelectionModel()
        .selectedItemProperty()
        .addListener((o, was, now) -> model.selectedProperty().set(now));
    model.selectedProperty().addListener((o, was, now) -> table.getSelectionModel().select(now));

    HBox commands = new HBox(8);
    commands.setAlignment(Pos.CENTER_LEFT);
    String[][] buttons = {
      {"paired-fetch", "Fetch", "fetch"},
      {"paired-join", "Join", "join"},
      {"paired-renew", "Renew", "renew"},
      {"paired-expire", "Expire now", "expireNow"},
      {"paired-leave", "Leave", "leave"},
    };
    for (String[] b : buttons) {
      Button button = new Button(b[1]);
      button.setId(b[0]);
      button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
      button.disableProperty().bind(model.selectedProperty().isNull());
      button.setOnAction(e -> model.send(b[2]));
      commands.getChildren().add(button);
    }
    ComboBox<String> fault = new ComboBox<>();
    fault.setId("paired-fault");
    fault.getItems().add(DevicesViewModel.NO_FAULT);
    fault.getItems().addAll(DevicesViewModel.FAULTS.keySet());
    fault.setPromptText("Set fault…");
    fault.disableProperty().bind(model.selectedProperty().isNull());
    fault.setOnAction(
        e -> {
          if (fault.getValue() != null) {
            model.setFault(fault.getValue());
          }
        });
    ComboBox<String> policy =
        new ComboBox<>(FXCollections.observableArrayList("WILL_EXPIRE", "REQUEST_TOKEN", "BOTH"));
    policy.setId("paired-policy");
    policy.setPromptText("Renew on…");
    policy.disableProperty().bind(model.selectedProperty().isNull());
    policy.setOnAction(
        e -> {
          if (policy.getValue() != null) {
            model.setPolicy(policy.getValue());
          }
        });
    commands.getChildren().addAll(fault, policy);
    Label message = new Label();
    message.setId("paired-message");
    message.setWrapText(true);
    message.textProperty().bind(model.messageProperty());
    Label heading = new Label("Paired devices");
    heading.getStyleClass().add("box-title");
    VBox left = new VBox(8, heading, commands, table, message);
    VBox.setVgrow(table, Priority.ALWAYS);

    ListView<String> log = new ListView<>();
    log.setId("paired-log");
    model
        .selectedProperty()
        .addListener(
            (o, was, now) -> {
              log.setItems(now == null ? FXCollections.observableArrayList() : now.log());
              fault.setValue(null);
              policy.setValue(null);
            });
    VBox right = new VBox(6, new Label("Device events"), log);
    VBox.setVgrow(log, Priority.ALWAYS);
    SplitPane split = new SplitPane(left, right);
    split.setDividerPositions(0.7);
    return split;
  }

  private static Button command(String id, String text, Runnable action, DevicesViewModel model) {
    Button button = new Button(text);
    button.setId(id);
    button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    button.disableProperty().bind(model.selectedProperty().isNull());
    button.setOnAction(e -> action.run());
    return button;
  }

  private static <R> TableColumn<R, String> column(
      String name, double width, Function<R, ObservableValue<String>> value) {
    TableColumn<R, String> column = new TableColumn<>(name);
    column.setPrefWidth(width);
    column.setCellValueFactory(c -> value.apply(c.getValue()));
    return column;
  }
}
