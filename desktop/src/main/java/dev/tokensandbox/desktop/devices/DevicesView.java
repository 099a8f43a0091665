package dev.tokensandbox.desktop.devices;

import dev.tokensandbox.client.session.RenewalPolicy;
import dev.tokensandbox.desktop.ui.Layouts;
import dev.tokensandbox.protocol.DeviceCommand;
import dev.tokensandbox.protocol.Flow;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
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
    flow.setConverter(Layouts.flowLabels());
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
    javafx.scene.layout.FlowPane create =
        Layouts.toolbar(
            new Label("Flow"),
            flow,
            new Label("Token lifetime (s, RTC)"),
            lifetime,
            new Label("Renew on"),
            trigger,
            add,
            yourBackend(model));

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
    TableColumn<DevicesViewModel.Row, String> state =
        column("State", 105, DevicesViewModel.Row::stateProperty);
    state.setMinWidth(105); // "CONNECTED" whole: the state is what a person looks for first
    table.getColumns().add(state);
    table.getColumns().add(column("Token", 100, DevicesViewModel.Row::tokenProperty));
    table.getColumns().add(column("Expires in", 80, DevicesViewModel.Row::countdownProperty));
    table.getColumns().add(column("Renewals", 150, DevicesViewModel.Row::countsProperty));
    table.getColumns().add(column("Fault", 130, DevicesViewModel.Row::faultProperty));
    wire(table, model.selectedProperty(), "No virtual devices yet: add one above.");

    Button join = command("device-join", "Join", model::join, model);
    Button renew = command("device-renew", "Renew", model::renew, model);
    Button expire = command("device-expire", "Expire now", model::expireNow, model);
    Button leave = command("device-leave", "Leave", model::leave, model);
    ComboBox<String> fault =
        chooser(
            "device-fault", "Set fault…", faultLabels(), model.selectedProperty(), model::setFault);
    // Wraps and keeps its lines: a renewal, the fault and a finding can take two.
    Label message = Layouts.message("devices-message");
    message.textProperty().bind(model.messageProperty());
    javafx.scene.layout.FlowPane commands = Layouts.toolbar(join, renew, expire, leave, fault);

    ListView<String> log = log("device-log", model.selectedProperty(), fault);
    VBox logPane = new VBox(6, new Label("Event log"), log);
    VBox.setVgrow(log, Priority.ALWAYS);
    VBox tablePane = new VBox(8, commands, table, message);
    VBox.setVgrow(table, Priority.ALWAYS);
    SplitPane split = new SplitPane(tablePane, logPane);
    split.setDividerPositions(0.7);

    SplitPane sections = new SplitPane(split, pairedSection(paired));
    sections.setOrientation(javafx.geometry.Orientation.VERTICAL);
    sections.setDividerPositions(0.55);
    // Room for both sections' tables, toolbars and status lines: below it the screen scrolls
    // (the window's ScrollPane) instead of cutting the paired section's last lines.
    sections.setMinHeight(480);
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
    wire(
        table,
        model.selectedProperty(),
        // Short: at 900x600 the table has two lines of room; the line under it says how to pair.
        "No paired device yet.");

    javafx.scene.layout.FlowPane commands = Layouts.toolbar();
    Object[][] buttons = {
      {"paired-fetch", "Fetch", DeviceCommand.FETCH},
      {"paired-join", "Join", DeviceCommand.JOIN},
      {"paired-renew", "Renew", DeviceCommand.RENEW},
      {"paired-expire", "Expire now", DeviceCommand.EXPIRE_NOW},
      {"paired-leave", "Leave", DeviceCommand.LEAVE},
    };
    for (Object[] b : buttons) {
      Button button = new Button((String) b[1]);
      button.setId((String) b[0]);
      button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
      button.disableProperty().bind(model.selectedProperty().isNull());
      DeviceCommand command = (DeviceCommand) b[2];
      button.setOnAction(e -> model.send(command));
      commands.getChildren().add(button);
    }
    ComboBox<String> fault =
        chooser(
            "paired-fault", "Set fault…", faultLabels(), model.selectedProperty(), model::setFault);
    ComboBox<String> policy =
        chooser(
            "paired-policy",
            "Renew on…",
            java.util.List.of("WILL_EXPIRE", "REQUEST_TOKEN", "BOTH"),
            model.selectedProperty(),
            model::setPolicy);
    commands.getChildren().addAll(fault, policy);
    Label message = Layouts.message("paired-message");
    message.textProperty().bind(model.messageProperty());
    Label heading = new Label("Paired devices");
    heading.getStyleClass().add("box-title");
    VBox left = new VBox(8, heading, commands, table, message);
    VBox.setVgrow(table, Priority.ALWAYS);

    ListView<String> log = log("paired-log", model.selectedProperty(), fault, policy);
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

  /** The selected device's event log; choosing another device also clears {@code resets}. */
  private static ListView<String> log(
      String id,
      javafx.beans.property.ObjectProperty<? extends DeviceRow> selected,
      ComboBox<?>... resets) {
    ListView<String> log = new ListView<>();
    log.setId(id);
    javafx.collections.ListChangeListener<String> follow = follower(log);
    selected.addListener(
        (o, was, now) -> {
          if (was != null) {
            was.log().removeListener(follow);
          }
          log.setItems(now == null ? FXCollections.observableArrayList() : now.log());
          if (now != null) {
            now.log().addListener(follow);
            log.scrollTo(now.log().size() - 1);
          }
          for (ComboBox<?> box : resets) {
            box.setValue(null);
          }
        });
    // The view is built each time the screen is shown: a device selected before shows its log now.
    if (selected.get() != null) {
      log.setItems(selected.get().log());
      selected.get().log().addListener(follow);
      log.scrollTo(selected.get().log().size() - 1);
    }
    return log;
  }

  /**
   * Follows new lines until the user scrolls away from the bottom; one who scrolled up to read
   * stays put, and follows again once back at the bottom. Whether the list is at the bottom is
   * asked only after the user moved it: asked on every change, a full log (it drops its first line
   * and adds one) was measured mid-update and left behind for good.
   */
  static javafx.collections.ListChangeListener<String> follower(ListView<String> log) {
    boolean[] following = {true};
    boolean[] moved = {false};
    log.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> moved[0] = true);
    log.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> moved[0] = true);
    log.addEventFilter(javafx.scene.input.KeyEvent.KEY_RELEASED, e -> moved[0] = true);
    return change -> {
      boolean added = false;
      while (change.next()) {
        added |= change.wasAdded();
      }
      if (!added) {
        return;
      }
      if (moved[0]) {
        moved[0] = false;
        following[0] = atBottom(log);
      }
      if (following[0]) {
        log.scrollTo(log.getItems().size() - 1);
      }
    };
  }

  /** True when the list shows its last lines (or cannot scroll yet). */
  static boolean atBottom(ListView<?> list) {
    for (javafx.scene.Node n : list.lookupAll(".scroll-bar")) {
      if (n instanceof javafx.scene.control.ScrollBar bar
          && bar.getOrientation() == javafx.geometry.Orientation.VERTICAL
          && bar.isVisible()) {
        return bar.getValue() >= bar.getMax() - 0.05;
      }
    }
    return true;
  }

  /** A drop-down that applies its choice to the selected device (disabled without one). */
  private static ComboBox<String> chooser(
      String id,
      String prompt,
      java.util.List<String> items,
      javafx.beans.property.ObjectProperty<?> selected,
      java.util.function.Consumer<String> action) {
    ComboBox<String> box = new ComboBox<>(FXCollections.observableArrayList(items));
    box.setId(id);
    box.setPromptText(prompt);
    box.disableProperty().bind(selected.isNull());
    box.setOnAction(
        e -> {
          if (box.getValue() != null) {
            action.accept(box.getValue());
          }
        });
    return box;
  }

  private static java.util.List<String> faultLabels() {
    java.util.List<String> labels = new java.util.ArrayList<>();
    labels.add(DevicesViewModel.NO_FAULT);
    labels.addAll(DevicesViewModel.FAULTS.keySet());
    return labels;
  }

  /** Placeholder, column sizing, and the selection kept in step with the view-model's. */
  private static <R> void wire(
      TableView<R> table, javafx.beans.property.ObjectProperty<R> selected, String placeholder) {
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    Layouts.fitColumns(table, placeholder);
    table
        .getSelectionModel()
        .selectedItemProperty()
        .addListener((o, was, now) -> selected.set(now));
    selected.addListener((o, was, now) -> table.getSelectionModel().select(now));
    if (selected.get() != null) {
      table.getSelectionModel().select(selected.get());
    }
  }

  private static <R> TableColumn<R, String> column(
      String name, double width, Function<R, ObservableValue<String>> value) {
    TableColumn<R, String> column = new TableColumn<>(name);
    column.setPrefWidth(width);
    column.setCellValueFactory(c -> value.apply(c.getValue()));
    column.setCellFactory(Layouts.cellsWithTooltips());
    return column;
  }

  /** The same device, fetching its tokens from your backend (URL, App ID, certificate). */
  private static javafx.scene.control.TitledPane yourBackend(DevicesViewModel model) {
    Button add = new Button("Add against your backend");
    add.setId("add-device-yours");
    add.setOnAction(e -> model.addToYourBackend());
    return model
        .yourBackend()
        .pane(
            "Your backend…",
            "device-target",
            false,
            add,
            "The same device, fetching its tokens from your token server; the sandbox's RTC"
                + " service checks them with your App ID and certificate");
  }
}
