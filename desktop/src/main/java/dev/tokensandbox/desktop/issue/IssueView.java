package dev.tokensandbox.desktop.issue;

import dev.tokensandbox.desktop.tokens.TokenReportPane;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Issue: a form per flow; the token (hidden until revealed), its decoded view, copy as curl. */
public final class IssueView extends HBox {
  private final IssueViewModel model;
  private final GridPane form = new GridPane();

  public IssueView(IssueViewModel model) {
    this.model = model;
    getStyleClass().add("screen");

    Label title = new Label("Issue a token");
    title.getStyleClass().add("title");
    ComboBox<IssueFlow> flow = new ComboBox<>();
    flow.setId("issue-flow");
    flow.getItems().setAll(IssueFlow.values());
    flow.valueProperty().bindBidirectional(model.flowProperty());
    Label route = new Label();
    route.getStyleClass().add("legend");
    route.textProperty().bind(model.flowProperty().map(IssueFlow::route));
    form.setHgap(8);
    form.setVgap(6);
    Button issue = new Button("Issue token");
    issue.setId("issue");
    issue.getStyleClass().add("accent");
    issue.setDefaultButton(true);
    issue.disableProperty().bind(model.busyProperty());
    issue.setOnAction(e -> model.issue());
    Label status = new Label();
    status.setId("issue-status");
    status.setWrapText(true);
    status.textProperty().bind(model.statusProperty());
    model.failedProperty().addListener((o, was, now) -> status.pseudoClassStateChanged(ERROR, now));
    VBox left = new VBox(10, title, flow, route, form, issue, status);
    left.setPrefWidth(430);
    left.setMinWidth(360);

    TextField token = new TextField();
    token.setId("issued-token");
    token.setEditable(false);
    token.textProperty().bind(model.shownTokenProperty());
    HBox.setHgrow(token, Priority.ALWAYS);
    ToggleButton reveal = new ToggleButton("Reveal");
    reveal.setId("reveal-token");
    reveal.selectedProperty().bindBidirectional(model.revealedProperty());
    Button copy = new Button("Copy");
    copy.setId("copy-token");
    copy.disableProperty().bind(model.tokenProperty().isEmpty());
    copy.setOnAction(e -> copy(model.tokenProperty().get()));
    TextArea curl = new TextArea();
    curl.setId("curl");
    curl.setEditable(false);
    curl.setWrapText(true);
    curl.setPrefRowCount(3);
    curl.textProperty().bind(model.curlProperty());
    Button copyCurl = new Button("Copy as curl");
    copyCurl.setId("copy-curl");
    copyCurl.disableProperty().bind(model.curlProperty().isEmpty());
    copyCurl.setOnAction(e -> copy(model.curlProperty().get()));
    TokenReportPane pane = new TokenReportPane("issue-");
    model
        .reportProperty()
        .addListener((o, was, now) -> pane.show(now, model.revealedProperty().get()));
    model
        .revealedProperty()
        .addListener((o, was, now) -> pane.show(model.reportProperty().get(), now));
    VBox right =
        new VBox(
            8,
            new Label("Token"),
            new HBox(6, token, reveal, copy),
            new HBox(6, new Label("The exact request"), copyCurl),
            curl,
            new Label("Decoded"),
            pane);
    HBox.setHgrow(right, Priority.ALWAYS);

    setSpacing(20);
    getChildren().addAll(left, right);
    model.flowProperty().addListener((o, was, now) -> buildForm(now));
    model.errorFieldProperty().addListener((o, was, now) -> markError(now));
    buildForm(model.flowProperty().get());
  }

  private static final javafx.css.PseudoClass ERROR =
      javafx.css.PseudoClass.getPseudoClass("error");

  private void buildForm(IssueFlow flow) {
    form.getChildren().clear();
    int row = 0;
    for (IssueFlow.Field field : flow.fields()) {
      TextField input = new TextField();
      input.setId("field-" + field.name());
      input.textProperty().bindBidirectional(model.value(flow, field.name()));
      Label label = new Label(field.label());
      label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
      form.addRow(row++, label, input);
    }
    if (flow.fields().isEmpty()) {
      form.addRow(
          0,
          new Label(
              "No parameters: the screen logs in as "
                  + FlowRequest.DEMO_USER
                  + " and asks the customer backend."));
    }
    markError(model.errorFieldProperty().get());
  }

  private void markError(String field) {
    form.getChildren()
        .forEach(n -> n.pseudoClassStateChanged(ERROR, ("field-" + field).equals(n.getId())));
  }

  private static void copy(String text) {
    ClipboardContent content = new ClipboardContent();
    content.putString(text);
    Clipboard.getSystemClipboard().setContent(content);
  }
}
