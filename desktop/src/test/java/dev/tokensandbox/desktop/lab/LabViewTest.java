package dev.tokensandbox.desktop.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensandbox.client.presets.Presets;
import dev.tokensandbox.desktop.testing.SandboxWindowTest;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real lab under Monocle: run a preset at 600× and watch its markers appear. */
class LabViewTest extends SandboxWindowTest {

  @Start
  void start(Stage stage) {
    open(stage);
  }

  private LabViewModel model;

  @org.junit.jupiter.api.BeforeEach
  void model() {
    model = sut.sandbox.lab;
  }

  @Test
  void runningAPresetAt600xDrawsWillExpireAndRenewalMarkers(FxRobot robot) throws Exception {
    robot.clickOn("#nav-lab");
    robot.interact(
        () ->
            model.selectedProperty().set(Presets.byId("join-shorter-than-publish").orElseThrow()));
    robot.clickOn("#run");

    try {
      WaitForAsyncUtils.waitFor(
          20, TimeUnit.SECONDS, () -> text(robot, "#verdict").matches("(?s)(PASS|FAIL).*"));
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError(
          "no verdict: time "
              + text(robot, "#lab-time")
              + ", verdict "
              + text(robot, "#verdict")
              + ", rows "
              + onFx(() -> model.rows().toString()),
          e);
    }
    assertThat(text(robot, "#verdict")).as(onFx(() -> model.rows().toString())).startsWith("PASS");
    WaitForAsyncUtils.waitForFxEvents();
    LabViewModel.LabRun run = onFx(model::lastRun);
    assertThat(run.preset().id()).isEqualTo("join-shorter-than-publish");
    assertThat(run.result().passed()).as("what a bug report will say").isTrue();
    assertThat(run.rows()).isNotEmpty();
    assertThat(run.policyChanged()).isFalse();

    assertThat(onFx(() -> robot.lookup(".marker-will-expire").queryAll())).isNotEmpty();
    assertThat(onFx(() -> robot.lookup(".marker-renewed").queryAll())).isNotEmpty();
    assertThat(onFx(() -> robot.lookup(".lifetime-expired").queryAll()))
        .as("the first token's bar ends red at the kick")
        .isNotEmpty();
    assertThat(onFx(() -> robot.lookup(".marker-failure").queryAll()))
        .as("the kick at the join expiry")
        .isNotEmpty();
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> text(robot, "#lab-time").endsWith("finished"));
  }

  private static String text(FxRobot robot, String id) {
    return onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
  }
}
