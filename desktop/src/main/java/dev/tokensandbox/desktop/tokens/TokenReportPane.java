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
    // Long values (an expiry with its local time, a lint fix) wrap instead of running off the
    // right edge.
    tree.setCellFactory(
        view ->
            new javafx.scene.control.TreeCell<>() {
              @Override
              protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setWrapText(true);
                setPrefWidth(0);
                if (!empty && getTreeItem() != null) {
                  // Bound, not set: a wider or narrower window re-wraps rows it does not update.
                  maxWidthProperty()
                      .bind(
                          view.widthProperty()
                              .subtract(70 + 20 * view.getTreeItemLevel(getTreeItem())));
                }
              }
            });
    lint.setCellFactory(
        view ->
            new javafx.scene.control.ListCell<>() {
              @Override
              protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setWrapText(true);
                setPrefWidth(0);
              }
            });
    lint.setId(idPrefix + "lint");
    lint.setPrefHeight(110);
    lint.setMinHeight(64);
    VBox.setVgrow(tree, Priority.ALWAYS);
    VBox.setVgrow(this, Priority.ALWAYS);
    getChildren().addAll(tree, new Label("Lint"), lint);
  }

  /**
   * Shows {@code report}. When only texts changed (a countdown moved on), the tree is updated in
   * place: what the user expanded, selected or scrolled to stays.
   */
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
      List<String> findings =
          report.lint().stream()
              .map(w -> w.severity() + " " + w.code() + ": " + w.message() + "  → " + w.fix())
              .toList();
      lint.getItems().setAll(findings.isEmpty() ? List.of(NO_FINDINGS) : findings);
    } else {
      lint.getItems().clear();
    }
    if (tree.getRoot() == null || !sameShape(tree.getRoot(), root)) {
      tree.setRoot(root);
    } else {
      copyValues(root, tree.getRoot());
    }
  }

  /** What Lint shows for a token it has nothing to say about. */
  public static final String NO_FINDINGS = "No findings: nothing to fix in this token.";

  private static boolean sameShape(TreeItem<String> a, TreeItem<String> b) {
    if (a.getChildren().size() != b.getChildren().size()) {
      return false;
    }
    for (int i = 0; i < a.getChildren().size(); i++) {
      if (!sameShape(a.getChildren().get(i), b.getChildren().get(i))) {
        return false;
      }
    }
    return true;
  }

  private static void copyValues(TreeItem<String> from, TreeItem<String> to) {
    if (!from.getValue().equals(to.getValue())) {
      to.setValue(from.getValue());
    }
    for (int i = 0; i < from.getChildren().size(); i++) {
      copyValues(from.getChildren().get(i), to.getChildren().get(i));
    }
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
