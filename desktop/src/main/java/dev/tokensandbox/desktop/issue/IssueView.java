package dev.tokensandbox.desktop.issue;

import static dev.tokensandbox.desktop.ui.Layouts.keepWhole;

import dev.tokensandbox.desktop.tokens.TokenReportPane;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
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
  private final GridPane advancedForm = new GridPane();
  private final javafx.scene.control.TitledPane advanced =
      new javafx.scene.control.TitledPane("Advanced: issue time and salt", advancedForm);

  /** Each field's label, input and rule, to show only the fields the chosen kind uses. */
  private final Map<String, List<javafx.scene.Node>> rows = new java.util.LinkedHashMap<>();

  private javafx.beans.value.ChangeListener<String> kindListener;
  private javafx.beans.property.StringProperty kindProperty;

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
    advancedForm.setHgap(8);
    advancedForm.setVgap(6);
    advanced.setId("issue-advanced");
    advanced.setTooltip(
        new Tooltip("Fix the issue time and the salt: the same inputs then give the same token"));
    advanced.setExpanded(false);
    advanced.setAnimated(false);
    Button issue = new Button("Issue token");
    issue.setId("issue");
    issue.getStyleClass().add("accent");
    issue.setDefaultButton(true);
    issue.disableProperty().bind(model.busyProperty());
    issue.setOnAction(e -> model.issue());
    issue.setTooltip(new Tooltip("Send the flow's real request to the window's backend (Enter)"));
    Label status = new Label();
    status.setId("issue-status");
    status.setWrapText(true);
    status.textProperty().bind(model.statusProperty());
    model.failedProperty().addListener((o, was, now) -> status.pseudoClassStateChanged(ERROR, now));
    TextField target = new TextField();
    target.setId("issue-target");
    target.setPromptText("Your backend's URL (empty: the sandbox)");
    target.textProperty().bindBidirectional(model.targetProperty());
    target.setTooltip(
        new Tooltip(
            "Send the same request to your own token server instead, and read its token here"));
    VBox left = new VBox(10, title, flow, route, form, advanced, target, issue, status);
    left.setPrefWidth(430);
    left.setMinWidth(360);

    TextField token = new TextField();
    token.setId("issued-token");
    token.setEditable(false);
    token.textProperty().bind(model.shownTokenProperty());
    token.setTooltip(new Tooltip("A bearer secret: Reveal shows it whole, Copy copies it"));
    ToggleButton reveal = new ToggleButton("Reveal");
    reveal.setId("reveal-token");
    reveal.selectedProperty().bindBidirectional(model.revealedProperty());
    reveal.textProperty().bind(model.revealedProperty().map(r -> r ? "Hide" : "Reveal"));
    reveal.disableProperty().bind(model.tokenProperty().isEmpty());
    reveal.setTooltip(new Tooltip("Show the whole token here (it is a bearer secret)"));
    Button copy = new Button("Copy");
    copy.setId("copy-token");
    copy.disableProperty().bind(model.tokenProperty().isEmpty());
    copy.setOnAction(e -> copied(copy, model.tokenProperty().get()));
    copy.setTooltip(new Tooltip("Copy the whole token to the clipboard, even while hidden"));
    TextArea curl = new TextArea();
    curl.setId("curl");
    curl.setEditable(false);
    curl.setWrapText(true);
    curl.setPrefRowCount(3);
    curl.textProperty().bind(model.curlProperty());
    Button copyCurl = new Button("Copy as curl");
    copyCurl.setId("copy-curl");
    copyCurl.disableProperty().bind(model.curlProperty().isEmpty());
    copyCurl.setOnAction(e -> copied(copyCurl, model.curlProperty().get()));
    copyCurl.setTooltip(new Tooltip("A shell command that sends the same request to this backend"));
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
            // The buttons beside the heading, the token on a row of its own: the whole column's
            // width for it, so its masked summary is never cut at the smallest window.
            toolbarRow(keepWhole(new Label("Token")), keepWhole(reveal), keepWhole(copy)),
            token,
            new HBox(6, keepWhole(new Label("The exact request")), keepWhole(copyCurl)),
            curl,
            new Label("Decoded"),
            pane);
    HBox.setHgrow(right, Priority.ALWAYS);

    setSpacing(20);
    getChildren().addAll(left, right);
    model.flowProperty().addListener((o, was, now) -> buildForm(now));
    model
        .errors()
        .addListener((javafx.collections.MapChangeListener<String, String>) change -> markErrors());
    buildForm(model.flowProperty().get());
  }

  private static final javafx.css.PseudoClass ERROR =
      javafx.css.PseudoClass.getPseudoClass("error");

  private void buildForm(IssueFlow flow) {
    form.getChildren().clear();
    advancedForm.getChildren().clear();
    rows.clear();
    if (kindProperty != null) {
      kindProperty.removeListener(kindListener);
      kindProperty = null;
    }
    boolean anyToken = flow == IssueFlow.ANY_TOKEN;
    advanced.setVisible(anyToken);
    advanced.setManaged(anyToken);
    int row = 0;
    int advancedRow = 0;
    for (IssueFlow.Field field : flow.fields()) {
      javafx.scene.Node input;
      List<String> choices = IssueFlow.choices(field.name());
      if (choices.isEmpty()) {
        TextField text = new TextField();
        String hint = IssueFlow.hint(field.name());
        text.setPromptText(hint);
        if (!hint.isEmpty()) {
          // A narrow window clips the prompt; the tooltip always has all of it.
          text.setTooltip(new Tooltip(hint));
        }
        text.textProperty().bindBidirectional(model.value(flow, field.name()));
        input = text;
      } else {
        ComboBox<String> choice = new ComboBox<>();
        choice.getItems().setAll(choices);
        choice.valueProperty().bindBidirectional(model.value(flow, field.name()));
        choice.setMaxWidth(Double.MAX_VALUE);
        input = choice;
      }
      input.setId("field-" + field.name());
      Label label = new Label(field.label());
      label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
      Label problem = new Label();
      problem.setId("problem-" + field.name());
      problem.getStyleClass().add("field-problem");
      // Under its field and the label beside it, wrapped to the form's width: a rule is never cut.
      problem.setWrapText(true);
      problem.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
      problem.setMaxWidth(Double.MAX_VALUE);
      problem.setVisible(false);
      problem.setManaged(false);
      label.setLabelFor(input);
      if (anyToken && IssueFlow.ADVANCED.contains(field.name())) {
        advancedForm.add(label, 0, advancedRow);
        advancedForm.add(input, 1, advancedRow++);
        advancedForm.add(problem, 0, advancedRow++, 2, 1);
      } else {
        form.add(label, 0, row);
        form.add(input, 1, row++);
        form.add(problem, 0, row++, 2, 1);
      }
      rows.put(field.name(), List.of(label, input, problem));
    }
    if (anyToken) {
      kindProperty = model.value(flow, "kind");
      kindListener = (o, was, now) -> showFieldsOf(now);
      kindProperty.addListener(kindListener);
      showFieldsOf(kindProperty.get());
    }
    if (flow.fields().isEmpty()) {
      form.addRow(
          0,
          new Label(
              "No parameters: the screen logs in as "
                  + FlowRequest.DEMO_USER
                  + " and asks the customer backend."));
    }
    markErrors();
  }

  /**
   * Lays out only the rows the chosen kind of "Any token" uses, so no hidden row keeps its gap. The
   * kind's own row (the first) stays where it is: it is the control being changed.
   */
  private void showFieldsOf(String kind) {
    List<javafx.scene.Node> kindRow = rows.getOrDefault("kind", List.of());
    form.getChildren().retainAll(kindRow);
    int row = 2;
    for (Map.Entry<String, List<javafx.scene.Node>> field : rows.entrySet()) {
      String name = field.getKey();
      if (name.equals("kind")
          || IssueFlow.ADVANCED.contains(name)
          || (kind != null && !IssueFlow.applies(kind, name))) {
        continue;
      }
      List<javafx.scene.Node> nodes = field.getValue();
      form.add(nodes.get(0), 0, row);
      form.add(nodes.get(1), 1, row++);
      form.add(nodes.get(2), 0, row++, 2, 1);
    }
  }

  /** Outlines every field in error and shows its rule under it. */
  private void markErrors() {
    List<javafx.scene.Node> nodes = new java.util.ArrayList<>(form.getChildren());
    nodes.addAll(advancedForm.getChildren());
    for (javafx.scene.Node n : nodes) {
      String id = n.getId() == null ? "" : n.getId();
      if (id.startsWith("field-")) {
        n.pseudoClassStateChanged(ERROR, model.errors().containsKey(id.substring(6)));
      } else if (id.startsWith("problem-") && n instanceof Label problem) {
        String rule = model.errors().get(id.substring(8));
        problem.setText(rule == null ? "" : rule);
        problem.setVisible(rule != null);
        problem.setManaged(rule != null);
      }
    }
    if (IssueFlow.ADVANCED.stream().anyMatch(model.errors()::containsKey)) {
      advanced.setExpanded(true);
    }
  }

  /** Copies and says so on the button for a moment. */
  private static void copied(Button button, String text) {
    copy(text);
    String label = button.getText();
    button.setText("Copied");
    javafx.animation.PauseTransition back =
        new javafx.animation.PauseTransition(javafx.util.Duration.seconds(1.5));
    back.setOnFinished(e -> button.setText(label));
    back.play();
  }

  private static void copy(String text) {
    ClipboardContent content = new ClipboardContent();
    content.putString(text);
    Clipboard.getSystemClipboard().setContent(content);
  }

  /** A heading and its buttons on one line. */
  private static HBox toolbarRow(javafx.scene.Node... nodes) {
    HBox row = new HBox(6, nodes);
    row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    return row;
  }
}
