package dev.tokensandbox.desktop.devices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensandbox.desktop.testing.SandboxWindowTest;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A device's event log keeps showing its newest line after it is full and drops its oldest. */
@ExtendWith(ApplicationExtension.class)
class LogFollowsTest {
  private static final int MAX = 500;

  private final ObservableList<String> lines = FXCollections.observableArrayList();
  private ListView<String> log;

  @Start
  void start(Stage stage) {
    log = new ListView<>(lines);
    lines.addListener(DevicesView.follower(log));
    stage.setScene(new Scene(log, 300, 120));
    stage.show();
  }

  @Test
  void aFullLogStillFollowsItsNewestLine(FxRobot robot) {
    for (int i = 0; i < 3 * MAX; i += 10) {
      int from = i;
      robot.interact(
          () -> {
            for (int k = from; k < from + 10; k++) {
              if (lines.size() == MAX) {
                lines.remove(0); // as the Devices view-model keeps its log
              }
              lines.add("line " + k);
            }
          });
    }
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(shown()).as("the lines on screen").contains("line " + (3 * MAX - 1));
  }

  private List<String> shown() {
    return SandboxWindowTest.onFx(
        () ->
            log.lookupAll(".list-cell").stream()
                .filter(n -> n instanceof ListCell<?> c && c.isVisible() && c.getText() != null)
                .map(n -> ((ListCell<?>) n).getText())
                .toList());
  }
}
