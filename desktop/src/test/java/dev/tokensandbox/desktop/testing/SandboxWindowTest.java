package dev.tokensandbox.desktop.testing;

import dev.tokensandbox.desktop.shell.SandboxApp;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

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

  /**
   * Reads the scene on the FX thread. A lookup walks the scene graph; walked from the test thread
   * while the FX thread adds nodes (a running lab draws markers) it fails with an
   * IndexOutOfBoundsException, as it once did in CI.
   */
  public static <T> T onFx(Callable<T> read) {
    try {
      return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void closeSandbox() {
    if (sut != null) {
      sut.close();
    }
  }
}
