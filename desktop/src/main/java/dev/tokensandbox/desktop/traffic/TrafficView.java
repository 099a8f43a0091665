package dev.tokensandbox.desktop.traffic;

import dev.tokensandbox.desktop.ui.Layouts;
import dev.tokensandbox.protocol.admin.JournalEntry;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Traffic: every hop, live, filterable, with a redacted detail pane and an explicit Reveal. */
public final class TrafficView extends VBox {

  public TrafficView(TrafficViewModel model) {
    getStyleClass().add("screen");
    Label title = new Label("Traffic");
    title.getStyleClass().add("title");

    ComboBox<String> flow = combo("traffic-flow", model.flows());
    flow.valueProperty().bindBidirectional(model.flowProperty());
    ComboBox<String> device = combo("traffic-device", model.devices());
    device.valueProperty().bindBidirectional(model.deviceProperty());
    ComboBox<String> status =
        combo(
            "traffic-status",
            javafx.collections.FXCollections.observableList(TrafficViewModel.STATUSES));
    status.valueProperty().bindBidirectional(model.statusProperty());
    Label count = new Label();
    count.setId("traffic-count");
    count.textProperty().bind(model.countProperty());
    Button clear = new Button("Clear");
    clear.setOnAction(e -> model.clear());
    ComboBox<String> source =
        new ComboBox<>(
            javafx.collections.FXCollections.observableArrayList(TrafficViewModel.SOURCES));
    source.setId("traffic-source");
    source.valueProperty().bindBidirectional(model.sourceProperty());
    source.setTooltip(
        new javafx.scene.control.Tooltip(
            "The window's backend, the Expiry lab's own backend (virtual time), or both"));
    javafx.scene.control.TextField search = new javafx.scene.control.TextField();
    search.setId("traffic-search");
    search.setPromptText("Search path, route, status, device…");
    search.setPrefColumnCount(16);
    search.textProperty().bindBidirectional(model.searchProperty());
    javafx.scene.layout.FlowPane filters =
        Layouts.toolbar(
            search,
            new Label("Source"),
            source,
            new Label("Flow"),
            flow,
            new Label("Device"),
            device,
            new Label("Status"),
            status,
            count,
            clear);

    TableView<JournalEntry> table = new TableView<>(model.visible());
    table.setId("traffic-table");
    TableColumn<JournalEntry, String> time = column("Time", 130, model::timeText);
    time.setMinWidth(130); // "lab 12:00:01.000" whole: the table squeezes its columns to fit
    table.getColumns().add(time);
    table.getColumns().add(column("Hop", 130, JournalEntry::hop));
    table.getColumns().add(column("Method", 70, JournalEntry::method));
    table.getColumns().add(column("Path", 330, JournalEntry::path));
    table.getColumns().add(column("Status", 60, e -> Integer.toString(e.status())));
    table.getColumns().add(column("ms", 60, e -> Double.toString(e.durationMillis())));
    table.getColumns().add(column("Device", 120, JournalEntry::client));
    table.getColumns().add(column("Faults", 120, e -> String.join(",", e.faults())));
    table.getColumns().add(column("Source", 110, model::sourceOf));
    table.setRowFactory(
        t ->
            new javafx.scene.control.TableRow<>() {
              @Override
              protected void updateItem(JournalEntry item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(FAILED, !empty && item != null && item.status() >= 400);
              }
            });
    table
        .getSelectionModel()
        .selectedItemProperty()
        .addListener((o, was, now) -> model.selectedProperty().set(now));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    Layouts.fitColumns(table, model.emptyProperty().get());
    ((Label) table.getPlaceholder()).textProperty().bind(model.emptyProperty());

    TextArea detail = new TextArea();
    detail.setId("traffic-detail");
    detail.setEditable(false);
    detail.setWrapText(true);
    detail.textProperty().bind(model.detailProperty());
    ToggleButton reveal = new ToggleButton("Reveal secrets");
    reveal.setId("traffic-reveal");
    reveal.disableProperty().bind(model.selectedProperty().isNull());
    reveal.setOnAction(
        e -> {
          if (reveal.isSelected()) {
            model.reveal();
          } else {
            model.hide();
          }
        });
    model.selectedProperty().addListener((o, was, now) -> reveal.setSelected(false));
    // Hidden again from elsewhere (the screen was left): the toggle follows.
    model.revealedProperty().addListener((o, was, now) -> reveal.setSelected(now));
    reveal
        .textProperty()
        .bind(reveal.selectedProperty().map(on -> on ? "Hide secrets" : "Reveal secrets"));
    reveal.setTooltip(
        new javafx.scene.control.Tooltip(
            "Shows this request's real headers and bodies, tokens and keys included"));
    VBox detailPane = new VBox(6, new HBox(8, new Label("Detail"), reveal), detail);
    VBox.setVgrow(detail, Priority.ALWAYS);

    SplitPane split = new SplitPane(table, detailPane);
    split.setOrientation(javafx.geometry.Orientation.VERTICAL);
    split.setDividerPositions(0.6);
    VBox.setVgrow(split, Priority.ALWAYS);
    getChildren().addAll(title, filters, split);
  }

  private static final javafx.css.PseudoClass FAILED =
      javafx.css.PseudoClass.getPseudoClass("failed");

  private static ComboBox<String> combo(
      String id, javafx.collections.ObservableList<String> items) {
    ComboBox<String> box = new ComboBox<>(items);
    box.setId(id);
    return box;
  }

  private static TableColumn<JournalEntry, String> column(
      String name, double width, Function<JournalEntry, String> value) {
    TableColumn<JournalEntry, String> column = new TableColumn<>(name);
    column.setPrefWidth(width);
    column.setCellValueFactory(c -> new SimpleStringProperty(value.apply(c.getValue())));
    column.setCellFactory(Layouts.cellsWithTooltips());
    return column;
  }
}
