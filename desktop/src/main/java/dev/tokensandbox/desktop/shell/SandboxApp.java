package dev.tokensandbox.desktop.shell;

import dev.tokensandbox.desktop.inspect.InspectView;
import dev.tokensandbox.desktop.inspect.InspectViewModel;
import java.time.Clock;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The Token Sandbox window. Today it opens on Inspect; the other screens (architecture, issue,
 * expiry lab, traffic, devices, scenarios) join it with the desktop issue.
 */
public final class SandboxApp extends Application {

  /** The scene every launch path (window, snapshot, tests) shows. */
  public static Scene createScene(Clock clock) {
    InspectView inspect = new InspectView(new InspectViewModel(clock));
    Scene scene = new Scene(inspect, 960, 640);
    scene
        .getStylesheets()
        .add(
            Objects.requireNonNull(
                    SandboxApp.class.getResource("/dev/tokensandbox/desktop/sandbox.css"))
                .toExternalForm());
    return scene;
  }

  @Override
  public void start(Stage stage) {
    Scene scene = createScene(Clock.systemDefaultZone());
    stage.setTitle("Token Sandbox");
    stage.setScene(scene);
    stage.show();
    Snapshot.fromParameters(getParameters()).ifPresent(snapshot -> snapshot.takeAndExit(scene));
  }

  public static void main(String[] args) {
    launch(SandboxApp.class, args);
  }
}
