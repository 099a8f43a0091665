package dev.tokensandbox.desktop.scenarios;

import java.io.File;
import java.nio.file.Path;
import javafx.beans.property.StringProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** Scenarios: save and load the setup as JSON; export a redacted bug report. */
public final class ScenariosView extends VBox {
  private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

  public ScenariosView(ScenariosViewModel model) {
    getStyleClass().add("screen");
    Label title = new Label("Scenarios");
    title.getStyleClass().add("title");

    TextField file = pathField("scenario-file", model.scenarioFileProperty());
    Button save = button("scenario-save", "Save", model::save, model);
    save.getStyleClass().add("accent");
    Button load = button("scenario-load", "Load", model::load, model);
    CheckBox secrets = new CheckBox("Include the workspace's credentials (App Certificate, keys)");
    secrets.setId("scenario-secrets");
    secrets.selectedProperty().bindBidirectional(model.includeSecretsProperty());
    Label what =
        new Label(
            "A scenario holds the backend options, the Issue forms, the fault plan, the virtual"
                + " devices and the lab's preset. Credentials stay out unless you tick the box.");
    what.setWrapText(true);
    VBox scenario =
        new VBox(
            8,
            new Label("Scenario file"),
            row(file, browse(file, "Scenario", "*.json")),
            new HBox(8, save, load, secrets),
            what);
    scenario.getStyleClass().add("card");

    TextField report = pathField("report-file", model.reportFileProperty());
    Button export = button("report-export", "Export bug report", model::exportReport, model);
    Button open = new Button("Open report");
    open.setId("report-open");
    open.disableProperty().bind(model.lastReportProperty().isEmpty().or(model.busyProperty()));
    open.setOnAction(e -> model.openReport());
    open.setTooltip(new javafx.scene.control.Tooltip("Opens the last exported report"));
    Label reportWhat =
        new Label(
            "What was run (the lab's preset, its renewal policy and any what-if, the faults in"
                + " force, the build), what was expected with ✓/✗, and what happened: the lab's"
                + " timeline with the SDK's callback names, every device's events and the traffic"
                + " journal, redacted: tokens become fingerprints, secrets «redacted». A .json"
                + " name gives JSON, any other name one self-contained HTML page.");
    reportWhat.setWrapText(true);
    VBox bug =
        new VBox(
            8,
            new Label("Bug report"),
            row(report, browse(report, "Report", "*.html", "*.json")),
            new HBox(8, export, open),
            reportWhat);
    bug.getStyleClass().add("card");

    Label status = new Label();
    status.setId("scenario-status");
    status.setWrapText(true);
    status.textProperty().bind(model.statusProperty());
    model.failedProperty().addListener((o, was, now) -> status.pseudoClassStateChanged(ERROR, now));
    getChildren().addAll(title, scenario, bug, status);
  }

  private static TextField pathField(String id, StringProperty property) {
    TextField field = new TextField();
    field.setId(id);
    field.textProperty().bindBidirectional(property);
    HBox.setHgrow(field, Priority.ALWAYS);
    return field;
  }

  private static HBox row(TextField field, Button browse) {
    HBox row = new HBox(8, field, browse);
    row.setAlignment(Pos.CENTER_LEFT);
    return row;
  }

  private static Button button(String id, String text, Runnable action, ScenariosViewModel model) {
    Button button = new Button(text);
    button.setId(id);
    button.disableProperty().bind(model.busyProperty());
    button.setOnAction(e -> action.run());
    return button;
  }

  private static Button browse(TextField field, String what, String... patterns) {
    Button browse = new Button("Browse…");
    browse.setOnAction(
        e -> {
          FileChooser chooser = new FileChooser();
          chooser.setTitle(what + " file");
          chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, patterns));
          Path current =
              Path.of(field.getText().isBlank() ? "." : field.getText()).toAbsolutePath();
          if (current.getParent() != null && current.getParent().toFile().isDirectory()) {
            chooser.setInitialDirectory(current.getParent().toFile());
          }
          chooser.setInitialFileName(current.getFileName().toString());
          File chosen = chooser.showSaveDialog(field.getScene().getWindow());
          if (chosen != null) {
            field.setText(chosen.getPath());
          }
        });
    return browse;
  }
}
