package dev.tokensandbox.desktop.shell;

import static dev.tokensandbox.desktop.testing.SandboxUnderTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import dev.tokensandbox.desktop.devices.DevicesViewModel;
import dev.tokensandbox.desktop.testing.SandboxUnderTest;
import dev.tokensandbox.desktop.testing.SandboxWindowTest;
import dev.tokensandbox.protocol.admin.JournalEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The whole window under Monocle: each screen's main path, as a user clicks it. */
class SandboxAppTest extends SandboxWindowTest {

  @Start
  void start(Stage stage) {
    open(stage);
  }

  @Test
  void everyScreenIsOneClickAway(FxRobot robot) {
    String[][] screens = {
      {"#nav-architecture", "#pairing-qr"},
      {"#nav-issue", "#issue"},
      {"#nav-inspect", "#token-input"},
      {"#nav-lab", "#timeline"},
      {"#nav-traffic", "#traffic-table"},
      {"#nav-devices", "#devices-table"},
      {"#nav-scenarios", "#scenario-save"},
    };
    for (String[] screen : screens) {
      robot.clickOn(screen[0]);
      WaitForAsyncUtils.waitForFxEvents();
      assertThat(robot.lookup(screen[1]).tryQuery()).as(screen[0]).isPresent();
      assertThat(robot.lookup("#content").queryParent().getChildrenUnmodifiable()).hasSize(1);
    }
    assertThat(sut.sandbox.shell.screenProperty().get()).isEqualTo(Screen.SCENARIOS);
  }

  @Test
  void issueATokenSeeItDecodedThenFindTheRequestInTraffic(FxRobot robot) {
    robot.clickOn("#nav-issue");
    robot.clickOn("#issue");
    await(
        "the token",
        () -> robot.lookup("#issue-status").queryAs(Label.class).getText().startsWith("Issued"));

    String token = sut.sandbox.issue.tokenProperty().get();
    TextField shown = robot.lookup("#issued-token").queryAs(TextField.class);
    assertThat(shown.getText()).doesNotContain(token).contains(" characters · tok:");
    TreeView<String> tree = robot.lookup("#issue-fields").queryAs(TreeView.class);
    assertThat(tree.getRoot().getChildren())
        .extracting(TreeItem::getValue)
        .anyMatch(v -> v.startsWith("App ID: " + SandboxUnderTest.WORKSPACE.appId()))
        .anyMatch(v -> v.startsWith("Verification: VALID"));
    assertThat(robot.lookup("#curl").queryAs(TextArea.class).getText())
        .contains(sut.url() + "/api/agora/token?channelName=test&uid=12345");
    robot.clickOn("#reveal-token");
    assertThat(shown.getText()).isEqualTo(token);

    robot.clickOn("#nav-traffic");
    TableView<JournalEntry> table = robot.lookup("#traffic-table").queryAs(TableView.class);
    await(
        "the request in Traffic",
        () ->
            table.getItems().stream()
                .anyMatch(e -> e.path().startsWith("/api/agora/token") && e.status() == 200));
    robot.interact(() -> table.getSelectionModel().select(0));
    String detail = robot.lookup("#traffic-detail").queryAs(TextArea.class).getText();
    assertThat(detail).contains("desktop-issue").doesNotContain(token);
    robot.clickOn("#traffic-reveal");
    assertThat(robot.lookup("#traffic-detail").queryAs(TextArea.class).getText())
        .contains(token, "REVEALED");
  }

  @Test
  void aBadFieldIsNamedBeforeAnythingIsSent(FxRobot robot) {
    robot.clickOn("#nav-issue");
    TextField expire = robot.lookup("#field-expireSeconds").queryAs(TextField.class);
    robot.interact(() -> expire.setText("90000"));
    robot.clickOn("#issue");

    assertThat(robot.lookup("#issue-status").queryAs(Label.class).getText())
        .isEqualTo("expireSeconds: must be 1..86400 seconds (got 90000)");
    assertThat(expire.getPseudoClassStates()).extracting(Object::toString).contains("error");
  }

  @Test
  void everyBadFieldIsOutlinedWithItsRuleAndTheLastTokenIsCleared(FxRobot robot) {
    robot.clickOn("#nav-issue");
    robot.clickOn("#issue");
    await("a token", () -> !sut.sandbox.issue.tokenProperty().get().isEmpty());
    robot.clickOn("#reveal-token");
    assertThat(robot.lookup("#reveal-token").queryAs(ToggleButton.class).getText())
        .isEqualTo("Hide");
    robot.clickOn("#copy-token");
    assertThat(robot.lookup("#copy-token").queryAs(Button.class).getText()).isEqualTo("Copied");

    TextField uid = robot.lookup("#field-uid").queryAs(TextField.class);
    TextField expire = robot.lookup("#field-expireSeconds").queryAs(TextField.class);
    robot.interact(
        () -> {
          uid.setText("-4");
          expire.setText("-5");
        });
    robot.clickOn("#issue");

    assertThat(robot.lookup("#issue-status").queryAs(Label.class).getText())
        .startsWith("2 fields need a fix: uid, expireSeconds");
    for (TextField field : List.of(uid, expire)) {
      assertThat(field.getPseudoClassStates()).extracting(Object::toString).contains("error");
    }
    assertThat(robot.lookup("#problem-uid").queryAs(Label.class).getText())
        .isEqualTo("must be an integer in 0..4294967295");
    assertThat(robot.lookup("#problem-expireSeconds").queryAs(Label.class).isVisible()).isTrue();
    assertThat(robot.lookup("#issued-token").queryAs(TextField.class).getText())
        .as("the previous token is not this form's")
        .isEmpty();
    assertThat((Object) robot.lookup("#field-role").query()).isInstanceOf(ComboBox.class);
  }

  @Test
  void architectureShowsTheRunningBackendAndAQrCodeThatScans(FxRobot robot) throws Exception {
    robot.clickOn("#nav-architecture");
    assertThat(robot.lookup("#backend-state").queryAs(Label.class).getText()).isEqualTo("RUNNING");
    assertThat(robot.lookup("#backend-url").queryAs(Label.class).getText()).isEqualTo(sut.url());

    Canvas canvas = robot.lookup("#pairing-qr").queryAs(Canvas.class);
    WritableImage image = new WritableImage((int) canvas.getWidth(), (int) canvas.getHeight());
    robot.interact(() -> canvas.snapshot(null, image));
    assertThat(decode(image))
        .isEqualTo(sut.sandbox.architecture.pairingPayloadProperty().get())
        .startsWith("tokensandbox://pair?url=http%3A%2F%2F10.0.2.2%3A");

    robot.clickOn("#backend-stop");
    await(
        "the stop",
        () -> robot.lookup("#backend-state").queryAs(Label.class).getText().equals("STOPPED"));
    robot.clickOn("#backend-start");
    await(
        "the restart",
        () -> robot.lookup("#backend-state").queryAs(Label.class).getText().equals("RUNNING"));
  }

  @Test
  void saveAndReloadAScenario(FxRobot robot) throws Exception {
    Path file = home.resolve("saved/scenario.json");
    robot.clickOn("#nav-issue");
    robot.interact(
        () -> robot.lookup("#field-channelName").queryAs(TextField.class).setText("qa-room"));
    robot.clickOn("#nav-scenarios");
    robot.interact(
        () -> robot.lookup("#scenario-file").queryAs(TextField.class).setText(file.toString()));
    robot.clickOn("#scenario-save");
    await("the save", () -> status(robot).startsWith("Saved"));
    assertThat(Files.readString(file))
        .contains("\"qa-room\"")
        .doesNotContain(SandboxUnderTest.WORKSPACE.appCertificate());

    robot.interact(
        () ->
            sut.sandbox
                .issue
                .value(dev.tokensandbox.desktop.issue.IssueFlow.SHENGWANG_RTC, "channelName")
                .set("changed"));
    robot.clickOn("#scenario-load");
    await("the load", () -> status(robot).startsWith("Loaded"));
    robot.clickOn("#nav-issue");
    assertThat(robot.lookup("#field-channelName").queryAs(TextField.class).getText())
        .isEqualTo("qa-room");
  }

  @Test
  void aVirtualDeviceJoinsAndRecoversFromExpireNow(FxRobot robot) {
    robot.clickOn("#nav-devices");
    robot.clickOn("#add-device");
    DevicesViewModel.Row row = sut.sandbox.devices.rows().get(0);
    await("the join", () -> row.stateProperty().get().equals("CONNECTED"));
    assertThat(row.tokenProperty().get()).startsWith("tok:");

    robot.clickOn("#device-expire");
    ListView<String> log = robot.lookup("#device-log").queryAs(ListView.class);
    await(
        "the renewal after expire now",
        () ->
            log.getItems().stream().anyMatch(l -> l.contains("REQUEST_TOKEN"))
                && log.getItems().stream()
                    .anyMatch(l -> l.contains("REJOINED") || l.contains("RENEWED")));
    await("the device back in the channel", () -> row.stateProperty().get().equals("CONNECTED"));
  }

  private static String status(FxRobot robot) {
    return robot.lookup("#scenario-status").queryAs(Label.class).getText();
  }

  private static String decode(WritableImage image) throws Exception {
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    int[] pixels = new int[w * h];
    PixelReader reader = image.getPixelReader();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        pixels[y * w + x] = reader.getArgb(x, y);
      }
    }
    return new QRCodeReader()
        .decode(
            new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, pixels))),
            java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE))
        .getText();
  }
}
