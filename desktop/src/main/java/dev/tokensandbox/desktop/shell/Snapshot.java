package dev.tokensandbox.desktop.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.TextArea;
import javax.imageio.ImageIO;

/**
 * {@code --snapshot=FILE [--paste=TOKEN]}: writes the window's scene as PNG and exits. This is how
 * the screenshots in {@code docs/} are made (see the README).
 */
record Snapshot(Path file, String paste) {

  static Optional<Snapshot> fromParameters(Application.Parameters parameters) {
    String file = parameters.getNamed().get("snapshot");
    return file == null
        ? Optional.empty()
        : Optional.of(new Snapshot(Path.of(file), parameters.getNamed().getOrDefault("paste", "")));
  }

  void takeAndExit(Scene scene) {
    if (!paste.isEmpty() && scene.lookup("#token-input") instanceof TextArea input) {
      input.setText(paste);
    }
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
