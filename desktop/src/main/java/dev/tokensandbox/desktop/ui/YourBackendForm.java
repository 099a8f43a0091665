package dev.tokensandbox.desktop.ui;

import dev.tokensandbox.protocol.Flow;
import dev.tokensandbox.tools.check.CheckTarget;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;

/**
 * "Your backend" as the lab and the Devices screen ask for it: base URL, the seed flow it
 * implements, App ID and App Certificate. The certificate is held in memory only: never shown,
 * logged or saved. {@link #pane} draws the fields (collapsed until opened).
 */
public final class YourBackendForm {
  private final StringProperty url = new SimpleStringProperty(this, "url", "");
  private final ObjectProperty<Flow> flow =
      new SimpleObjectProperty<>(this, "flow", Flow.SHENGWANG);
  private final StringProperty appId = new SimpleStringProperty(this, "appId", "");
  private final StringProperty certificate = new SimpleStringProperty(this, "certificate", "");

  public StringProperty urlProperty() {
    return url;
  }

  public ObjectProperty<Flow> flowProperty() {
    return flow;
  }

  public StringProperty appIdProperty() {
    return appId;
  }

  public StringProperty certificateProperty() {
    return certificate;
  }

  /** The target as typed (trimmed), with {@code chosen} as its flow. */
  public CheckTarget target(Flow chosen) {
    return new CheckTarget(
        strip(url.get()), chosen, strip(appId.get()), strip(certificate.get()), null);
  }

  /** The target as typed, with the form's own flow. */
  public CheckTarget target() {
    return target(flow.get());
  }

  /**
   * The fields in a collapsed pane titled {@code title}: URL, the flow (when {@code withFlow}), App
   * ID, certificate, and {@code action}. {@code idPrefix} names the controls for tests.
   */
  public TitledPane pane(
      String title, String idPrefix, boolean withFlow, Button action, String tip) {
    TextField urlField = new TextField();
    urlField.setId(idPrefix + "-url");
    urlField.setPromptText("http://localhost:3000");
    urlField.setPrefColumnCount(16);
    urlField.textProperty().bindBidirectional(url);
    TextField appIdField = new TextField();
    appIdField.setId(idPrefix + "-app-id");
    appIdField.setPromptText("App ID");
    appIdField.setPrefColumnCount(10);
    appIdField.textProperty().bindBidirectional(appId);
    PasswordField certificateField = new PasswordField();
    certificateField.setId(idPrefix + "-certificate");
    certificateField.setPromptText("App Certificate");
    certificateField.setPrefColumnCount(10);
    certificateField.textProperty().bindBidirectional(certificate);
    action.setTooltip(new Tooltip(tip));
    javafx.scene.layout.FlowPane row;
    if (withFlow) {
      ComboBox<Flow> flowBox = new ComboBox<>();
      flowBox.setId(idPrefix + "-flow");
      flowBox.getItems().addAll(Flow.SHENGWANG, Flow.GIN);
      flowBox.valueProperty().bindBidirectional(flow);
      flowBox.setConverter(Layouts.flowLabels());
      row =
          Layouts.toolbar(
              new Label("URL"), urlField, flowBox, appIdField, certificateField, action);
    } else {
      row = Layouts.toolbar(new Label("URL"), urlField, appIdField, certificateField, action);
    }
    TitledPane pane = new TitledPane(title, row);
    pane.setId(idPrefix);
    pane.setExpanded(false);
    pane.setAnimated(false);
    pane.getStyleClass().add("your-backend");
    return pane;
  }

  private static String strip(String s) {
    return s == null ? "" : s.strip();
  }
}
