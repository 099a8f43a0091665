package dev.tokensandbox.desktop.inspect;

import dev.tokensandbox.backend.tokens.TokenDiff;
import dev.tokensandbox.desktop.tokens.TokenReportPane;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Inspect: paste a token, see its field tree, countdown, signature verdict and lint findings. */
public final class InspectView extends VBox {

  public InspectView(InspectViewModel model) {
    getStyleClass().add("screen");
    Label title = new Label("Inspect a token");
    title.getStyleClass().add("title");

    TextArea input = new TextArea();
    input.setId("token-input");
    input.setPromptText(
        "Paste a token: 007…, 006… or a JWT (eyJ…). \"Bearer \" and quotes are fine.");
    input.setWrapText(true);
    input.setPrefRowCount(3);
    input.textProperty().bindBidirectional(model.tokenProperty());

    PasswordField secret = new PasswordField();
    secret.setId("secret-input");
    secret.setPromptText(
        "App Certificate or JWT secret to verify with (empty: the workspace's credentials)");
    secret.textProperty().bindBidirectional(model.secretProperty());

    Label summary = new Label();
    summary.setId("summary");
    summary.getStyleClass().add("summary");
    summary.textProperty().bind(model.summaryProperty());
    summary.setWrapText(true);
    summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // wraps, never ends in "..."
    model.stateProperty().addListener((o, was, now) -> mark(summary, now));
    mark(summary, model.stateProperty().get());
    Label countdown = new Label();
    countdown.setId("countdown");
    countdown.getStyleClass().add("countdown");
    countdown.textProperty().bind(model.countdownProperty());

    // The user pasted this token: showing its signature reveals nothing new.
    TokenReportPane pane = new TokenReportPane("");
    // The comparison below must not squeeze the tree away: the screen scrolls instead.
    pane.setMinHeight(320);
    model.reportProperty().addListener((obs, old, report) -> pane.show(report, true));
    pane.show(model.reportProperty().get(), true);
    model.stateProperty().addListener((o, was, now) -> mark(countdown, now));
    mark(countdown, model.stateProperty().get());
    getChildren().addAll(title, input, secret, legacyGuess(model), summary, countdown, pane);
    getChildren().add(compare(model));
  }

  /** 006 only: the channel and uid (or account) its signature covers but stores as CRC32. */
  private static javafx.scene.Node legacyGuess(InspectViewModel model) {
    TextField channel = new TextField();
    channel.setId("guess-channel");
    channel.setPromptText("channel (\"\" = any)");
    channel.textProperty().bindBidirectional(model.channelGuessProperty());
    TextField user = new TextField();
    user.setId("guess-user");
    user.setPromptText("uid (empty = 0)");
    user.textProperty().bindBidirectional(model.userGuessProperty());
    CheckBox account = new CheckBox("is a user account");
    account.setId("guess-account");
    account.selectedProperty().bindBidirectional(model.guessIsAccountProperty());
    account.setTooltip(
        new Tooltip(
            "Take it as typed: the account \"0\" is not uid 0 (the wildcard, written \"\")"));
    user.promptTextProperty()
        .bind(model.guessIsAccountProperty().map(a -> a ? "user account" : "uid (empty = 0)"));
    Label what = new Label("006 keeps the channel and uid only as CRC32: give them to verify");
    what.getStyleClass().add("legend");
    what.setWrapText(true);
    FlowPane row =
        new FlowPane(8, 6, new Label("Channel"), channel, new Label("Uid"), user, account);
    row.setAlignment(Pos.CENTER_LEFT);
    VBox box = new VBox(4, what, row);
    box.setId("legacy-guess");
    box.visibleProperty().bind(model.legacyProperty());
    box.managedProperty().bind(model.legacyProperty());
    return box;
  }

  /** A second token side by side with the first: every field, the differences marked. */
  private static javafx.scene.Node compare(InspectViewModel model) {
    TextArea second = new TextArea();
    second.setId("compare-input");
    second.setPromptText(
        "Paste a second token, e.g. the renewal of the one above: every field side by side");
    second.setWrapText(true);
    second.setPrefRowCount(2);
    second.textProperty().bindBidirectional(model.compareProperty());
    Label summary = new Label();
    summary.setId("diff-summary");
    summary.getStyleClass().add("summary");
    summary.setWrapText(true);
    summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    summary.textProperty().bind(model.diffSummaryProperty());
    VBox findings = new VBox(4);
    findings.setId("diff-findings");
    GridPane grid = new GridPane();
    grid.setId("diff-grid");
    grid.setHgap(12);
    grid.setVgap(3);
    javafx.scene.layout.ColumnConstraints field = new javafx.scene.layout.ColumnConstraints();
    field.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    javafx.scene.layout.ColumnConstraints half = new javafx.scene.layout.ColumnConstraints();
    half.setPercentWidth(38);
    half.setHgrow(Priority.ALWAYS);
    grid.getColumnConstraints().setAll(field, half, half);
    model.diffProperty().addListener((o, was, now) -> showDiff(now, grid, findings));
    VBox body = new VBox(8, second, summary, findings, grid);
    TitledPane pane = new TitledPane("Compare with a second token", body);
    pane.setId("compare-pane");
    pane.setAnimated(false);
    pane.setExpanded(false);
    model
        .compareProperty()
        .addListener(
            (o, was, now) -> {
              if (now != null && !now.isBlank()) {
                pane.setExpanded(true);
              }
            });
    return pane;
  }

  private static void showDiff(TokenDiff diff, GridPane grid, VBox findings) {
    grid.getChildren().clear();
    findings.getChildren().clear();
    if (diff == null) {
      return;
    }
    for (String finding : diff.findings()) {
      Label line = new Label(finding);
      line.setWrapText(true);
      line.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
      line.getStyleClass().add("diff-finding");
      line.pseudoClassStateChanged(BAD, !diff.identical() && finding.contains("fails"));
      findings.getChildren().add(line);
    }
    grid.addRow(0, header("Field"), header("First"), header("Second"));
    int row = 1;
    for (TokenDiff.Row r : diff.fields()) {
      Label name = cell((r.differs() ? "≠ " : "") + r.field());
      Label first = cell(shown(r.first()));
      Label second = cell(r.differs() ? shown(r.second()) : "(same)");
      for (Label l : List.of(name, first, second)) {
        l.pseudoClassStateChanged(BAD, r.differs());
      }
      name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
      grid.addRow(row++, name, first, second);
    }
  }

  /** An empty value is a value too (uid 0, the wildcard channel): shown as "". */
  private static String shown(String value) {
    return value.isEmpty() ? "\"\"" : value;
  }

  private static Label header(String text) {
    Label label = new Label(text);
    label.getStyleClass().add("diff-header");
    return label;
  }

  /** A value cell: wraps, and the whole value is in its tooltip (a signature is one long word). */
  private static Label cell(String text) {
    Label label = new Label(text);
    label.getStyleClass().add("diff-cell");
    label.setWrapText(true);
    label.setMaxWidth(Double.MAX_VALUE);
    if (!text.isEmpty()) {
      label.setTooltip(new Tooltip(text));
    }
    return label;
  }

  /** Red for expired, invalid or not a token; green for valid; neutral otherwise. */
  private static void mark(Label label, InspectViewModel.State state) {
    boolean bad =
        state == InspectViewModel.State.EXPIRED
            || state == InspectViewModel.State.INVALID
            || state == InspectViewModel.State.NOT_A_TOKEN;
    label.pseudoClassStateChanged(BAD, bad);
    label.pseudoClassStateChanged(GOOD, state == InspectViewModel.State.VALID);
  }

  private static final javafx.css.PseudoClass BAD = javafx.css.PseudoClass.getPseudoClass("bad");
  private static final javafx.css.PseudoClass GOOD = javafx.css.PseudoClass.getPseudoClass("good");
}
