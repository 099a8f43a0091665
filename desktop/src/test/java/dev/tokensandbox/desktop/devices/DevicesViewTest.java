package dev.tokensandbox.desktop.devices;

import static dev.tokensandbox.desktop.testing.SandboxUnderTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensandbox.client.clock.ExecutorClock;
import dev.tokensandbox.client.control.ControlChannel;
import dev.tokensandbox.desktop.testing.SandboxWindowTest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The Devices screen in the real window, opened after a phone already paired and reported. */
class DevicesViewTest extends SandboxWindowTest {
  private final ExecutorClock phoneClock = ExecutorClock.system("phone");
  private ControlChannel phone;

  @Start
  void start(Stage stage) {
    open(stage);
  }

  @AfterEach
  void unpair() throws Exception {
    CompletableFuture<Void> stopped = new CompletableFuture<>();
    phoneClock.schedule(
        phoneClock.now(),
        () -> {
          if (phone != null) {
            phone.stop();
          }
          stopped.complete(null);
        });
    stopped.get(5, TimeUnit.SECONDS);
    phoneClock.close();
  }

  @Test
  void aPhoneThatReportedBeforeTheScreenOpenedShowsItsEvents(FxRobot robot) throws Exception {
    phone =
        ControlChannel.builder(sut.url(), "pixel-7", phoneClock)
            .name("Pixel 7")
            .listener(ControlChannel.listener((s, d) -> {}, c -> {}))
            .build();
    phoneClock.schedule(
        phoneClock.now(),
        () -> {
          phone.start();
          phone.sendEvent("12:00:01  JOINED sandbox-demo");
        });
    PairedDevicesViewModel model = sut.sandbox.paired;
    await(
        "the phone's event in the model",
        () -> {
          CompletableFuture<Boolean> seen = new CompletableFuture<>();
          Platform.runLater(
              () ->
                  seen.complete(
                      model.selectedProperty().get() != null
                          && !model.selectedProperty().get().log().isEmpty()));
          return seen.get(5, TimeUnit.SECONDS);
        });

    robot.clickOn("#nav-devices"); // the screen is built now, with the phone already selected

    ListView<String> log = robot.lookup("#paired-log").queryAs(ListView.class);
    assertThat(log.getItems()).anyMatch(line -> line.contains("JOINED sandbox-demo"));
    TableView<?> table = robot.lookup("#paired-table").queryAs(TableView.class);
    assertThat(table.getSelectionModel().getSelectedIndex()).isZero();
  }
}
