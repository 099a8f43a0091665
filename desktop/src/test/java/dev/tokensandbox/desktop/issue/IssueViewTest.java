package dev.tokensandbox.desktop.issue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensandbox.desktop.testing.SandboxWindowTest;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Issue screen's "Any token" form under Monocle: rows follow the kind, Advanced folds away. */
class IssueViewTest extends SandboxWindowTest {

  @Start
  void start(Stage stage) {
    open(stage);
  }

  @Test
  void anyTokenShowsOnlyTheFieldsOfTheChosenKind(FxRobot robot) {
    robot.clickOn("#nav-issue");
    robot.interact(() -> sut.sandbox.issue.flowProperty().set(IssueFlow.ANY_TOKEN));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(shown(robot, "#field-channelName")).isTrue();
    assertThat(shown(robot, "#field-roomUuid")).isFalse();

    robot.interact(
        () -> robot.lookup("#field-kind").queryAs(ComboBox.class).setValue("apaas-room"));
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(shown(robot, "#field-roomUuid")).isTrue();
    assertThat(shown(robot, "#field-userId")).isTrue();
    assertThat(shown(robot, "#field-channelName")).isFalse();
    assertThat(
            robot
                .lookup("#field-userId")
                .queryAs(javafx.scene.control.TextField.class)
                .getTooltip()
                .getText())
        .as("the whole hint, which a narrow field clips")
        .isEqualTo("empty: the RTC user");
    TitledPane advanced = robot.lookup("#issue-advanced").queryAs(TitledPane.class);
    assertThat(advanced.isVisible()).isTrue();
    assertThat(advanced.isExpanded()).isFalse();

    robot.interact(
        () -> {
          sut.sandbox.issue.value(IssueFlow.ANY_TOKEN, "salt").set("0");
          sut.sandbox.issue.issue();
        });
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(advanced.isExpanded()).as("a bad salt opens Advanced").isTrue();

    robot.interact(() -> sut.sandbox.issue.flowProperty().set(IssueFlow.SHENGWANG_RTC));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(advanced.isVisible()).isFalse();
  }

  private static boolean shown(FxRobot robot, String query) {
    Node node = robot.lookup(query).tryQuery().orElse(null);
    return node != null && node.getScene() != null && node.isVisible() && node.getParent() != null;
  }
}
