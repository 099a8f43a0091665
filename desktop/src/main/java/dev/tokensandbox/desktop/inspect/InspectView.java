package dev.tokensandbox.desktop.inspect;

import dev.tokensandbox.backend.tokens.TokenField;
import dev.tokensandbox.backend.tokens.TokenReport;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Inspect: paste a token, see its field tree, signature verdict and lint findings. */
public final class InspectView extends VBox {
  private final TreeView<String> tree = new TreeView<>();
  private final ListView<String> lint = new ListView<>();

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
    secret.setPromptText("App Certificate or JWT secret to verify the signature (optional)");
    secret.textProperty().bindBidirectional(model.secretProperty());

    Label summary = new Label();
    summary.setId("summary");
    summary.getStyleClass().add("summary");
    summary.textProperty().bind(model.summaryProperty());

    tree.setId("fields");
    tree.setShowRoot(false);
    lint.setId("lint");
    lint.setPrefHeight(120);
    VBox.setVgrow(tree, Priority.ALWAYS);

    model.reportProperty().addListener((obs, old, report) -> show(report));
    show(model.reportProperty().get());
    getChildren().addAll(title, input, secret, summary, tree, new Label("Lint"), lint);
  }

  private void show(TokenReport report) {
    TreeItem<String> root = new TreeItem<>("token");
    if (report != null && report.decoded()) {
      add(root, report.fields());
      root.getChildren()
          .add(
              new TreeItem<>(
                  "Verification: "
                      + report.verification().verdict()
                      + " — "
                      + report.verification().detail()));
      lint.getItems()
          .setAll(
              report.lint().stream()
                  .map(w -> w.severity() + " " + w.code() + ": " + w.message() + "  → " + w.fix())
                  .toList());
    } else {
      lint.getItems().clear();
    }
    tree.setRoot(root);
  }

  private static void add(TreeItem<String> parent, List<TokenField> fields) {
    for (TokenField f : fields) {
      String value =
          f.raw().isEmpty() || f.raw().equals(f.human()) ? f.human() : f.raw() + "  — " + f.human();
      TreeItem<String> item = new TreeItem<>(f.label() + ": " + value);
      item.setExpanded(true);
      add(item, f.children());
      parent.getChildren().add(item);
    }
  }
}
