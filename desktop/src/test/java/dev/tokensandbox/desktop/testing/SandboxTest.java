package dev.tokensandbox.desktop.testing;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base for view-model tests: the whole desktop opened on a real backend (port 0), its view-models
 * owned by a {@link UiThread}, state files in a temporary directory. No FX toolkit.
 */
public abstract class SandboxTest {
  @TempDir protected Path home;
  protected final UiThread ui = new UiThread();
  protected SandboxUnderTest sut;

  @BeforeEach
  void openSandbox() {
    sut = SandboxUnderTest.open(home, ui);
  }

  @AfterEach
  void closeSandbox() {
    sut.close();
    ui.close();
  }
}
