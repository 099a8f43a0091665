package dev.tokensandbox.desktop.testing;

import dev.tokensandbox.desktop.shell.SandboxApp;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * Base for TestFX tests: the real window under Monocle, on a real backend (port 0). Subclasses
 * declare {@code @Start void start(Stage stage) { open(stage); }}.
 */
@ExtendWith(ApplicationExtension.class)
public abstract class SandboxWindowTest {
  @TempDir protected Path home;
  protected SandboxUnderTest sut;

  /** Call from the subclass's {@code @Start} (TestFX looks for it on the test class itself). */
  protected void open(Stage stage) {
    sut = SandboxUnderTest.open(home, Platform::runLater);
    stage.setScene(SandboxApp.createScene(sut.sandbox));
    stage.show();
  }

  @AfterEach
  void closeSandbox() {
    if (sut != null) {
      sut.close();
    }
  }
}
