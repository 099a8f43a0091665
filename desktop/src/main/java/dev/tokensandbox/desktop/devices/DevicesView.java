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

  public DevicesView(DevicesViewModel model) {
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
    VBox.setVgrow(split, Priority.ALWAYS);
    getChildren().addAll(title, create, split);
  }

  private static Button command(String id, String text, Runnable action, DevicesViewModel model) {
    Button button = new Button(text);
    button.setId(id);
    button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    button.disableProperty().bind(model.selectedProperty().isNull());
    button.setOnAction(e -> action.run());
    return button;
  }

  private static TableColumn<DevicesViewModel.Row, String> column(
      String name, double width, Function<DevicesViewModel.Row, ObservableValue<String>> value) {
    TableColumn<DevicesViewModel.Row, String> column = new TableColumn<>(name);
    column.setPrefWidth(width);
    column.setCellValueFactory(c -> value.apply(c.getValue()));
    return column;
  }
}
