package dev.tokensandbox.desktop.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensandbox.desktop.testing.SandboxWindowTest;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The real scene under Monocle headless: paste a token, see fields, verdict and lint. */
class InspectViewTest extends SandboxWindowTest {

  @Start
  void start(Stage stage) {
    open(stage);
  }

  @Test
  void pastingATokenShowsItsFieldsAndLint(FxRobot robot) {
    robot.clickOn("#nav-inspect");
    robot.interact(
        () ->
            robot
                .lookup("#token-input")
                .queryAs(TextArea.class)
                .setText("  \"" + InspectViewModelTest.TOKEN + "\"  "));

    TreeView<String> tree = robot.lookup("#fields").queryAs(TreeView.class);
    assertThat(tree.getRoot().getChildren())
        .extracting(TreeItem::getValue)
        .anyMatch(v -> v.startsWith("App ID: 970ca35de60c44645bbae8a215061b33"))
        .anyMatch(v -> v.startsWith("Verification: NOT_VERIFIED"));
    assertThat(robot.lookup("#summary").queryAs(Label.class).getText())
        .startsWith("AccessToken2 (007)");
    ListView<String> lint = robot.lookup("#lint").queryAs(ListView.class);
    // The token was made for 2026-11-24 and the window runs on the real clock: expired by now.
    assertThat(lint.getItems())
        .anyMatch(l -> l.contains("WILDCARD_UID"))
        .anyMatch(l -> l.contains("TOKEN_EXPIRED"));
    Label countdown = robot.lookup("#countdown").queryAs(Label.class);
    assertThat(countdown.getText()).startsWith("expired");
    assertThat(countdown.getPseudoClassStates().toString()).as("expired is red").contains("bad");
    assertThat(robot.lookup("#summary").queryAs(Label.class).getText()).contains("EXPIRED");

    // The clock ticks: the tree is updated in place, what the user selected stays selected.
    TreeItem<String> root = tree.getRoot();
    robot.interact(() -> tree.getSelectionModel().select(2));
    robot.interact(sut.sandbox::tick);
    robot.interact(sut.sandbox::tick);
    assertThat(tree.getRoot()).isSameAs(root);
    assertThat(onFx(() -> tree.getSelectionModel().getSelectedIndex())).isEqualTo(2);
  }

  @Test
  void typingGarbageShowsTheErrorInsteadOfADialog(FxRobot robot) {
    robot.clickOn("#nav-inspect");
    robot.clickOn("#token-input").write("hello");

    assertThat(robot.lookup("#summary").queryAs(Label.class).getText())
        .startsWith("Not a token: format: not a token");
    assertThat(robot.lookup("#fields").queryAs(TreeView.class).getRoot().getChildren()).isEmpty();
  }

  @Test
  void aSecondTokenShowsTheFieldsSideBySide(FxRobot robot) {
    robot.clickOn("#nav-inspect");
    String other = InspectViewModelTest.RENEWAL_FOR_12345;
    robot.interact(
        () -> {
          robot.lookup("#token-input").queryAs(TextArea.class).setText(InspectViewModelTest.TOKEN);
          robot.lookup("#compare-input").queryAs(TextArea.class).setText(other);
        });

    javafx.scene.control.TitledPane pane =
        robot.lookup("#compare-pane").queryAs(javafx.scene.control.TitledPane.class);
    assertThat(pane.isExpanded()).isTrue();
    javafx.scene.layout.GridPane grid =
        robot.lookup("#diff-grid").queryAs(javafx.scene.layout.GridPane.class);
    assertThat(grid.getChildren())
        .filteredOn(n -> n instanceof Label l && l.getText().equals("≠ rtc.uid"))
        .singleElement()
        .satisfies(n -> assertThat(n.getPseudoClassStates().toString()).contains("bad"));
    javafx.scene.layout.VBox findings =
        robot.lookup("#diff-findings").queryAs(javafx.scene.layout.VBox.class);
    assertThat(findings.getChildren())
        .anyMatch(n -> ((Label) n).getText().contains("renewToken with it fails"));
    assertThat(robot.lookup("#legacy-guess").query().isVisible()).isFalse();
  }
}
