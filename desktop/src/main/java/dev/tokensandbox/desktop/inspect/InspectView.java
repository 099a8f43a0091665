package dev.tokensandbox.desktop.inspect;

import dev.tokensandbox.desktop.tokens.TokenReportPane;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
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
    model.stateProperty().addListener((o, was, now) -> mark(summary, now));
    mark(summary, model.stateProperty().get());
    Label countdown = new Label();
    countdown.setId("countdown");
    countdown.getStyleClass().add("countdown");
    countdown.textProperty().bind(model.countdownProperty());

    // The user pasted this token: showing its signature reveals nothing new.
    TokenReportPane pane = new TokenReportPane("");
    model.reportProperty().addListener((obs, old, report) -> pane.show(report, true));
    pane.show(model.reportProperty().get(), true);
    model.stateProperty().addListener((o, was, now) -> mark(countdown, now));
    mark(countdown, model.stateProperty().get());
    getChildren().addAll(title, input, secret, summary, countdown, pane);
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
