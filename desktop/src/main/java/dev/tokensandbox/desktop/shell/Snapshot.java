package dev.tokensandbox.desktop.shell;

import dev.tokensandbox.client.clock.ClockPacer;
import dev.tokensandbox.client.presets.Presets;
import dev.tokensandbox.desktop.lab.LabViewModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javax.imageio.ImageIO;

/**
 * {@code --snapshot=FILE [--paste=TOKEN] [--preset=ID]}: writes the window's scene as PNG and
 * exits. With {@code --preset} it opens the Expiry lab, runs that QA preset at full speed and takes
 * the picture when the verdict is in. This is how the screenshots in {@code docs/} are made.
 */
record Snapshot(Path file, String paste, String preset) {

  static Optional<Snapshot> fromParameters(Application.Parameters parameters) {
    String file = parameters.getNamed().get("snapshot");
    return file == null
        ? Optional.empty()
        : Optional.of(
            new Snapshot(
                Path.of(file),
                parameters.getNamed().getOrDefault("paste", ""),
                parameters.getNamed().getOrDefault("preset", "")));
  }

  void takeAndExit(Scene scene, LabViewModel lab) {
    if (!paste.isEmpty() && scene.lookup("#token-input") instanceof TextArea input) {
      input.setText(paste);
    }
    if (preset.isEmpty()) {
      take(scene);
      return;
    }
    if (scene.getRoot() instanceof TabPane tabs) {
      tabs.getSelectionModel().select(1);
    }
    Presets.byId(preset)
        .ifPresentOrElse(
            lab.selectedProperty()::set,
            () -> {
              throw new IllegalArgumentException("unknown preset " + preset);
            });
    lab.verdictProperty()
        .addListener(
            (o, old, now) -> {
              if (now.startsWith("PASS") || now.startsWith("FAIL")) {
                take(scene);
              }
            });
    lab.run(ClockPacer.MAX_SPEED / 100);
  }

  private void take(Scene scene) {
    // Let layout and CSS settle for one pulse before taking the picture.
    Platform.runLater(
        () -> {
          try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            ImageIO.write(
                SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", file.toFile());
          } catch (IOException e) {
            throw new UncheckedIOException("cannot write snapshot " + file, e);
          } finally {
            Platform.exit();
          }
        });
  }
}
