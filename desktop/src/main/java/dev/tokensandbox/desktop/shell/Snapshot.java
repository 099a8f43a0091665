package dev.tokensandbox.desktop.shell;

import dev.tokensandbox.client.clock.ClockPacer;
import dev.tokensandbox.client.presets.Presets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javax.imageio.ImageIO;

/**
 * {@code --snapshot=FILE [--screen=NAME] [--paste=TOKEN] [--compare=TOKEN] [--flow=FLOW]
 * [--preset=ID] [--issue] [--devices=N] [--size=WxH]}: shows a screen (at a window size), prepares
 * it, writes the window as PNG and exits. This is how the screenshots in {@code docs/screenshots/}
 * are made ({@code scripts/screenshots.sh}).
 */
record Snapshot(
    Path file,
    Screen screen,
    String paste,
    String preset,
    boolean issue,
    int devices,
    boolean tour,
    String compare,
    String flow,
    String size) {

  static Optional<Snapshot> from(DesktopOptions o) {
    return o.snapshot() == null || o.snapshotStarting()
        ? Optional.empty()
        : Optional.of(
            new Snapshot(
                o.snapshot(),
                o.screen(),
                o.paste(),
                o.preset(),
                o.issue(),
                o.devices(),
                o.tour(),
                o.compare(),
                o.flow(),
                o.size()));
  }

  void takeAndExit(Scene scene, Sandbox sandbox) {
    if (!size.isEmpty() && scene.getWindow() instanceof javafx.stage.Stage stage) {
      String[] wh = size.split("x");
      stage.setWidth(Double.parseDouble(wh[0]));
      stage.setHeight(Double.parseDouble(wh[1]));
    }
    sandbox.shell.tourDoneProperty().set(!tour); // pictures of the screens, not of the tour
    sandbox.shell.screenProperty().set(screen);
    sandbox.inspect.tokenProperty().set(paste);
    sandbox.inspect.compareProperty().set(compare);
    if (!flow.isEmpty()) {
      sandbox
          .issue
          .flowProperty()
          .set(
              dev.tokensandbox.desktop.issue.IssueFlow.valueOf(
                  flow.toUpperCase(java.util.Locale.ROOT)));
    }
    whenReady(
        () -> sandbox.host().status().running(),
        () -> {
          for (int i = 0; i < devices; i++) {
            sandbox.devices.add();
          }
          if (issue) {
            sandbox.issue.issue();
          }
          if (preset.isEmpty()) {
            if (!compare.isEmpty()) {
              // The comparison is what this picture is of: scroll the screen down to it.
              Platform.runLater(
                  () ->
                      scene.getRoot().lookupAll(".scroll-pane").stream()
                          .filter(n -> n.lookup("#compare-pane") != null)
                          .forEach(n -> ((javafx.scene.control.ScrollPane) n).setVvalue(1.0)));
            }
            // Let requests, devices and their first callbacks land before the picture.
            BooleanSupplier settled =
                () ->
                    !sandbox.issue.busyProperty().get()
                        && sandbox.devices.rows().stream()
                            .allMatch(
                                r ->
                                    r.stateProperty().get().startsWith("CONNECTED")
                                        || !r.flow().isRtc());
            whenReady(settled, () -> take(scene, file));
            return;
          }
          sandbox
              .lab
              .selectedProperty()
              .set(
                  Presets.byId(preset)
                      .orElseThrow(() -> new IllegalArgumentException("unknown preset " + preset)));
          sandbox
              .lab
              .verdictProperty()
              .addListener(
                  (o, old, now) -> {
                    if (now.startsWith("PASS") || now.startsWith("FAIL")) {
                      take(scene, file);
                    }
                  });
          sandbox.lab.run(ClockPacer.MAX_SPEED / 100);
        });
  }

  /** Runs {@code then} on the FX thread at the first frame where {@code ready} holds. */
  private static void whenReady(BooleanSupplier ready, Runnable then) {
    new AnimationTimer() {
      private int frames;

      @Override
      public void handle(long now) {
        if (ready.getAsBoolean() && ++frames > 10) {
          stop();
          then.run();
        }
      }
    }.start();
  }

  /**
   * Writes {@code scene} to {@code file} as PNG after one more pulse, then exits. Also what {@code
   * --snapshot-starting} uses for the starting look (the sandbox is not opened then).
   */
  static void take(Scene scene, Path file) {
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
