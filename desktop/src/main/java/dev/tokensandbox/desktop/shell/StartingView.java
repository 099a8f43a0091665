package dev.tokensandbox.desktop.shell;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.Background;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;

/**
 * What the window shows while the sandbox opens, in three steps (all on the FX thread):
 *
 * <ol>
 *   <li>the <em>first look</em>, drawn without a control or a stylesheet so the window is up ~0.1 s
 *       sooner (#21): the theme's background colour and one line of text;
 *   <li>once that is drawn (the first pulse), the theme (a 200 KB stylesheet), the sandbox's
 *       stylesheet and a spinner over the same line — or the reason it could not start;
 *   <li>the screens ({@link #opened}).
 * </ol>
 *
 * The theme goes in before any control exists: a control's class, once loaded, installs JavaFX's
 * default stylesheet (Modena) unless one is set, only for the theme to replace it.
 */
final class StartingView {
  private static final double SPINNER = 48;
  private static final double GAP = 12;

  static final String STARTING = "Starting Token Sandbox: workspace, backend, expiry lab…";

  /** AtlantaFX Primer's default background and foreground, so nothing changes colour later. */
  static final Color LIGHT_BACKGROUND = Color.web("#ffffff");

  static final Color LIGHT_TEXT = Color.web("#24292f");
  static final Color DARK_BACKGROUND = Color.web("#0d1117");
  static final Color DARK_TEXT = Color.web("#c9d1d9");

  private final Theme theme;
  private final BooleanSupplier systemPrefersDark;
  private final String stylesheet;
  private final Text firstLook = new Text(STARTING);
  private final StackPane holder;
  private final Scene scene;
  private boolean themed;
  private boolean opened;
  private String failure;

  /**
   * The first look in {@code theme} (SYSTEM asks {@code systemPrefersDark} each time), in a scene
   * of the given size; {@code stylesheet} is the sandbox's own, added with the theme. {@code
   * afterFirstFrame} runs once the first look is drawn, after the theme (the window's icon goes
   * there).
   */
  StartingView(
      Theme theme,
      BooleanSupplier systemPrefersDark,
      String stylesheet,
      double width,
      double height,
      Runnable afterFirstFrame) {
    this.theme = theme;
    this.systemPrefersDark = systemPrefersDark;
    this.stylesheet = stylesheet;
    boolean dark = theme.dark(systemPrefersDark.getAsBoolean());
    Color background = dark ? DARK_BACKGROUND : LIGHT_BACKGROUND;
    firstLook.setId("first-look");
    firstLook.setFill(dark ? DARK_TEXT : LIGHT_TEXT);
    // The line where the themed look will have it: under a space the spinner's size.
    javafx.scene.layout.Region spinnerSpace = new javafx.scene.layout.Region();
    spinnerSpace.setMinSize(SPINNER, SPINNER);
    VBox firstBox = new VBox(GAP, spinnerSpace, firstLook);
    firstBox.setAlignment(Pos.CENTER);
    holder = new StackPane(firstBox);
    holder.setBackground(Background.fill(background));
    scene = new Scene(holder, width, height);
    scene.setFill(background);
    // The pulse that lays the first look out also draws it; what follows goes after that pulse.
    Runnable[] listener = new Runnable[1];
    listener[0] =
        () -> {
          scene.removePostLayoutPulseListener(listener[0]);
          Platform.runLater(
              () -> {
                applyTheme();
                afterFirstFrame.run();
              });
        };
    scene.addPostLayoutPulseListener(listener[0]);
  }

  Scene scene() {
    return scene;
  }

  /**
   * True once the theme is applied (step 2 or the screens): until then, a change of the system's
   * preference waits for step 2, which reads it.
   */
  boolean themeApplied() {
    return themed || opened;
  }

  /** Step 2: the theme, the sandbox's stylesheet and the spinner (once; never over the screens). */
  void applyTheme() {
    if (themeApplied()) {
      return;
    }
    themed = true;
    Theme.apply(theme, systemPrefersDark.getAsBoolean());
    scene.getStylesheets().add(stylesheet);
    holder.setBackground(null);
    holder.getChildren().setAll(look());
  }

  /** Opening failed: {@code message} instead of the spinner, in whichever look is up. */
  void failed(String message) {
    failure = "Token Sandbox could not start: " + message;
    firstLook.setText(failure);
    if (themed && !opened) {
      holder.getChildren().setAll(look());
    }
  }

  /** Step 3: the screens replace whatever is showing; the theme's own background from here on. */
  void opened(Parent screens) {
    opened = true; // the screens bring the theme and the stylesheet along (createRoot)
    holder.setBackground(null);
    scene.setFill(Color.WHITE);
    holder.getChildren().setAll(Objects.requireNonNull(screens));
  }

  private Node look() {
    Label line = new Label(failure != null ? failure : STARTING);
    line.setId("starting");
    line.setWrapText(true);
    VBox box = new VBox(GAP, line);
    if (failure == null) {
      ProgressIndicator progress = new ProgressIndicator();
      progress.setId("starting-progress");
      progress.setMaxSize(SPINNER, SPINNER);
      box.getChildren().add(0, progress);
    }
    box.setAlignment(Pos.CENTER);
    return box;
  }
}
