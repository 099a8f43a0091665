package dev.tokensandbox.desktop.shell;

import static dev.tokensandbox.desktop.testing.SandboxUnderTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensandbox.desktop.testing.SandboxWindowTest;
import javafx.application.Application;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The menu bar, the keyboard shortcuts, the theme switch and the first-run tour, in the window. */
class MenusAndShortcutsTest extends SandboxWindowTest {
  @Start
  void start(Stage stage) {
    open(stage);
  }

  @Test
  void screensAndActionsHaveKeyboardShortcuts(FxRobot robot) {
    robot.clickOn("#nav-architecture");
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(sut.sandbox.shell.screenProperty().get()).isEqualTo(Screen.INSPECT);

    robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
    await("a token", () -> !onFx(() -> sut.sandbox.issue.tokenProperty().get()).isEmpty());
    assertThat(sut.sandbox.shell.screenProperty().get()).isEqualTo(Screen.ISSUE);

    robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(sut.sandbox.issue.revealedProperty().get()).isTrue();
  }

  @Test
  void f1ListsEveryShortcut(FxRobot robot) {
    robot.press(KeyCode.F1).release(KeyCode.F1);
    WaitForAsyncUtils.waitForFxEvents();
    TextArea list = robot.lookup("#shortcuts-list").queryAs(TextArea.class);
    assertThat(list.getText())
        .contains("Show Expiry lab", "Issue a token", "Paste the clipboard into Inspect", "F1")
        .contains(javafx.scene.input.KeyCombination.valueOf("Shortcut+1").getDisplayText());
    // Every line shows whole: the text area is wider than its longest line.
    double[] widths =
        SandboxWindowTest.onFx(
            () -> {
              javafx.scene.control.ScrollPane pane =
                  (javafx.scene.control.ScrollPane) list.lookup(".scroll-pane");
              double longest = 0;
              for (String line : list.getText().split("\\R")) {
                javafx.scene.text.Text text = new javafx.scene.text.Text(line);
                text.setFont(list.getFont());
                longest = Math.max(longest, text.getLayoutBounds().getWidth());
              }
              return new double[] {longest, pane.getViewportBounds().getWidth()};
            });
    assertThat(widths[1]).as("room for the longest line").isGreaterThanOrEqualTo(widths[0]);
    robot.interact(() -> list.getScene().getWindow().hide());
  }

  @Test
  void theThemeSwitchesAndIsRemembered(FxRobot robot) throws Exception {
    robot.interact(() -> sut.sandbox.shell.themeProperty().set(Theme.DARK));
    assertThat(Application.getUserAgentStylesheet()).containsIgnoringCase("primer-dark");
    robot.interact(() -> sut.sandbox.shell.themeProperty().set(Theme.LIGHT));
    assertThat(Application.getUserAgentStylesheet()).containsIgnoringCase("primer-light");
    sut.sandbox.shell.remember();
    ShellViewModel again =
        new ShellViewModel(new WindowStateFile(home.resolve("desktop.properties")));
    again.restore();
    assertThat(again.themeProperty().get()).isEqualTo(Theme.LIGHT);
  }

  @Test
  void theTourWalksIssueInspectLabAndIsNotShownAgain(FxRobot robot) {
    assertThat(robot.lookup("#tour").query().isVisible()).isTrue();
    robot.clickOn("#tour-next");
    await("a token", () -> !onFx(() -> sut.sandbox.issue.tokenProperty().get()).isEmpty());
    robot.clickOn("#tour-next");
    assertThat(sut.sandbox.shell.screenProperty().get()).isEqualTo(Screen.INSPECT);
    assertThat(onFx(() -> sut.sandbox.inspect.summaryProperty().get())).contains("signature VALID");
    robot.clickOn("#tour-next");
    assertThat(sut.sandbox.shell.screenProperty().get()).isEqualTo(Screen.LAB);
    robot.clickOn("#tour-dismiss");
    assertThat(robot.lookup("#tour").query().isVisible()).isFalse();
    assertThat(sut.sandbox.shell.tourDoneProperty().get()).isTrue();
    for (Window w : Window.getWindows()) {
      assertThat(w.isShowing()).isTrue();
    }
  }
}
