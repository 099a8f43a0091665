package dev.tokensandbox.desktop.tokens;

import dev.tokensandbox.backend.tokens.TokenField;
import dev.tokensandbox.backend.tokens.TokenReport;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A decoded token as the Inspect and Issue screens show it: the field tree with human values, the
 * signature verdict, and lint findings with their fixes. The signature bytes stay hidden unless the
 * caller says the user revealed them.
 */
public final class TokenReportPane extends VBox {
  private final TreeView<String> tree = new TreeView<>();
  private final ListView<String> lint = new ListView<>();

  public TokenReportPane(String idPrefix) {
    setSpacing(6);
    tree.setId(idPrefix + "fields");
    tree.setShowRoot(false);
    lint.setId(idPrefix + "lint");
    lint.setPrefHeight(110);
    VBox.setVgrow(tree, Priority.ALWAYS);
    VBox.setVgrow(this, Priority.ALWAYS);
    getChildren().addAll(tree, new Label("Lint"), lint);
  }

  public void show(TokenReport report, boolean revealSignature) {
    TreeItem<String> root = new TreeItem<>("token");
    if (report != null && report.decoded()) {
      add(root, report.fields(), revealSignature);
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

  private static void add(TreeItem<String> parent, List<TokenField> fields, boolean reveal) {
    for (TokenField f : fields) {
      String raw = f.key().equals("signature") && !reveal ? "«hidden»" : f.raw();
      String value = raw.isEmpty() || raw.equals(f.human()) ? f.human() : raw + "  — " + f.human();
      TreeItem<String> item = new TreeItem<>(f.label() + ": " + value);
      item.setExpanded(true);
      add(item, f.children(), reveal);
      parent.getChildren().add(item);
    }
  }
}
