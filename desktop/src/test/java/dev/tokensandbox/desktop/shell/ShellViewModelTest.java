package dev.tokensandbox.desktop.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellViewModelTest {
  @TempDir Path dir;

  @Test
  void theScreenAndWindowSizeAreRememberedBetweenLaunches() throws Exception {
    Path file = dir.resolve("desktop.properties");
    ShellViewModel first = new ShellViewModel(new WindowStateFile(file));
    first.screenProperty().set(Screen.TRAFFIC);
    first.widthProperty().set(1400);
    first.heightProperty().set(900);
    first.xProperty().set(140);
    first.yProperty().set(-20);
    first.remember();

    ShellViewModel second = new ShellViewModel(new WindowStateFile(file));
    second.restore();
    assertThat(second.screenProperty().get()).isEqualTo(Screen.TRAFFIC);
    assertThat(second.widthProperty().get()).isEqualTo(1400);
    assertThat(second.heightProperty().get()).isEqualTo(900);
    assertThat(second.xProperty().get()).isEqualTo(140);
    assertThat(second.yProperty().get()).isEqualTo(-20);
  }

  @Test
  void aMissingOrDamagedFileMeansDefaults() throws Exception {
    ShellViewModel fresh = new ShellViewModel(new WindowStateFile(dir.resolve("none.properties")));
    fresh.restore();
    assertThat(fresh.screenProperty().get()).isEqualTo(Screen.ARCHITECTURE);

    Path file = dir.resolve("bad.properties");
    Files.writeString(file, "screen=NOPE\nwidth=-5\nheight=abc\n");
    ShellViewModel damaged = new ShellViewModel(new WindowStateFile(file));
    damaged.restore();
    assertThat(damaged.screenProperty().get()).isEqualTo(Screen.ARCHITECTURE);
    assertThat(damaged.widthProperty().get()).isEqualTo(ShellViewModel.DEFAULT_WIDTH);
    assertThat(damaged.heightProperty().get()).isEqualTo(ShellViewModel.DEFAULT_HEIGHT);
  }
}
