package dev.tokensandbox.desktop.shell;

import static dev.tokensandbox.desktop.testing.SandboxUnderTest.await;
import static dev.tokensandbox.desktop.testing.SandboxWindowTest.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's first second under Monocle: a first look with no control in it, then the theme and a
 * spinner once it is drawn, then the screens — and a failure said in whichever look is up.
 */
@ExtendWith(ApplicationExtension.class)
class StartingViewTest {
  private static final String STYLESHEET =
      StartingViewTest.class.getResource("/dev/tokensandbox/desktop/sandbox.css").toExternalForm();

  private final List<String> afterFirstFrame = new CopyOnWriteArrayList<>();
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  private StartingView create(Theme theme) {
    return onFx(
        () ->
            new StartingView(
                theme, () -> false, STYLESHEET, 900, 600, () -> afterFirstFrame.add("icon")));
  }

  private void showAndWaitForTheFirstFrame(StartingView view) {
    onFx(
        () -> {
          stage.setScene(view.scene());
          stage.show();
          return null;
        });
    await("the first frame", () -> afterFirstFrame.contains("icon"));
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void theFirstLookHasNoControlAndTheThemesColours() {
    StartingView dark = create(Theme.DARK);
    Region root = (Region) dark.scene().getRoot();

    assertThat(onFx(() -> controls(root))).isEmpty();
    assertThat(root.lookup("#first-look"))
        .isInstanceOfSatisfying(
            Text.class,
            text -> {
              assertThat(text.getText()).isEqualTo(StartingView.STARTING);
              assertThat(text.getFill()).isEqualTo(StartingView.DARK_TEXT);
            });
    assertThat(root.getBackground().getFills())
        .extracting(BackgroundFill::getFill)
        .containsExactly(StartingView.DARK_BACKGROUND);
    assertThat(dark.scene().getFill()).isEqualTo(StartingView.DARK_BACKGROUND);
    assertThat(dark.scene().getStylesheets()).isEmpty();
    assertThat(dark.themeApplied()).isFalse();
  }

  @Test
  void onceDrawnTheThemeAndASpinnerSayWhatIsStarting(FxRobot robot) {
    StartingView view = create(Theme.LIGHT);

    showAndWaitForTheFirstFrame(view);

    assertThat(view.themeApplied()).isTrue();
    assertThat(Application.getUserAgentStylesheet())
        .isEqualTo(new PrimerLight().getUserAgentStylesheet());
    assertThat(view.scene().getStylesheets()).containsExactly(STYLESHEET);
    assertThat(robot.lookup("#starting").queryAs(Label.class).getText())
        .isEqualTo(StartingView.STARTING);
    assertThat(robot.lookup("#starting-progress").tryQuery()).isPresent();
    assertThat(((Region) view.scene().getRoot()).getBackground())
        .as("the theme's background from here on")
        .isNull();
  }

  @Test
  void theScreensReplaceWhateverIsUpAndTheSpinnerNeverCoversThem(FxRobot robot) {
    StartingView early = create(Theme.LIGHT);
    Label screens = onFx(() -> new Label("the screens"));
    onFx(
        () -> {
          early.opened(screens);
          return null;
        });

    showAndWaitForTheFirstFrame(early);

    assertThat(early.scene().getRoot().getChildrenUnmodifiable()).containsExactly(screens);
    assertThat(robot.lookup("#starting").tryQuery()).isEmpty();
    assertThat(early.scene().getStylesheets())
        .as("the screens bring their own stylesheet")
        .isEmpty();
  }

  @Test
  void aFailureIsSaidInWhicheverLookIsUpWithoutTheSpinner(FxRobot robot) {
    StartingView beforeTheme = create(Theme.LIGHT);
    onFx(
        () -> {
          beforeTheme.failed("port 8080 is in use");
          return null;
        });
    Text firstLook = (Text) beforeTheme.scene().getRoot().lookup("#first-look");
    assertThat(firstLook.getText()).isEqualTo("Token Sandbox could not start: port 8080 is in use");

    showAndWaitForTheFirstFrame(beforeTheme);
    assertThat(robot.lookup("#starting").queryAs(Label.class).getText())
        .isEqualTo("Token Sandbox could not start: port 8080 is in use");
    assertThat(robot.lookup("#starting-progress").tryQuery()).isEmpty();

    afterFirstFrame.clear();
    StartingView afterTheme = create(Theme.LIGHT);
    showAndWaitForTheFirstFrame(afterTheme);
    assertThat(robot.lookup("#starting-progress").tryQuery()).isPresent();
    onFx(
        () -> {
          afterTheme.failed("the workspace file is not JSON");
          return null;
        });
    assertThat(robot.lookup("#starting").queryAs(Label.class).getText())
        .isEqualTo("Token Sandbox could not start: the workspace file is not JSON");
    assertThat(robot.lookup("#starting-progress").tryQuery()).isEmpty();
  }

  private static List<Node> controls(Parent parent) {
    List<Node> found = new java.util.ArrayList<>();
    for (Node child : parent.getChildrenUnmodifiable()) {
      if (child instanceof Control) {
        found.add(child);
      }
      if (child instanceof Parent p) {
        found.addAll(controls(p));
      }
    }
    return found;
  }
}
