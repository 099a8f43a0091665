package dev.tokensandbox.desktop.shell;

import dev.tokensandbox.backend.workspace.Workspace;
import dev.tokensandbox.desktop.inspect.InspectView;
import dev.tokensandbox.desktop.inspect.InspectViewModel;
import dev.tokensandbox.desktop.lab.LabRuntime;
import dev.tokensandbox.desktop.lab.LabView;
import dev.tokensandbox.desktop.lab.LabViewModel;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

/**
 * The Token Sandbox window: Inspect and the Expiry lab today; architecture, issue, traffic, devices
 * and scenarios join them with the desktop issue.
 */
public final class SandboxApp extends Application {
  private LabRuntime lab;

  /** The scene every launch path (window, snapshot, tests) shows. */
  public static Scene createScene(Clock clock, LabViewModel labModel) {
    InspectView inspect = new InspectView(new InspectViewModel(clock));
    Tab inspectTab = new Tab("Inspect", inspect);
    inspectTab.setId("tab-inspect");
    Tab labTab = new Tab("Expiry lab", new LabView(labModel));
    labTab.setId("tab-lab");
    TabPane screens = new TabPane(inspectTab, labTab);
    screens.setId("screens");
    screens.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    Scene scene = new Scene(screens, 1100, 700);
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
    LabViewModel labModel = new LabViewModel(Platform::runLater);
    // The lab's backend gets throwaway credentials: its tokens live in virtual time only.
    lab = LabRuntime.system(Workspace.generate(new SecureRandom()), labModel);
    labModel.attach(lab);
    Scene scene = createScene(Clock.systemDefaultZone(), labModel);
    stage.setTitle("Token Sandbox");
    stage.setScene(scene);
    stage.show();
    Snapshot.fromParameters(getParameters())
        .ifPresent(snapshot -> snapshot.takeAndExit(scene, labModel));
  }

  @Override
  public void stop() {
    if (lab != null) {
      lab.close();
    }
  }

  public static void main(String[] args) {
    launch(SandboxApp.class, args);
  }
}
