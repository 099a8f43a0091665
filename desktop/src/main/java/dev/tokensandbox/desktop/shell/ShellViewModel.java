package dev.tokensandbox.desktop.shell;

import java.io.IOException;
import java.util.Properties;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The window's own state: which screen shows and the window size, remembered between launches in a
 * small properties file (written atomically; a missing or damaged file means defaults).
 */
public final class ShellViewModel {
  public static final double DEFAULT_WIDTH = 1180;
  public static final double DEFAULT_HEIGHT = 760;

  private final WindowStateFile file;
  private final ObjectProperty<Screen> screen =
      new SimpleObjectProperty<>(this, "screen", Screen.ARCHITECTURE);
  private final DoubleProperty width = new SimpleDoubleProperty(this, "width", DEFAULT_WIDTH);
  private final DoubleProperty height = new SimpleDoubleProperty(this, "height", DEFAULT_HEIGHT);
  private final ObjectProperty<Theme> theme =
      new SimpleObjectProperty<>(this, "theme", Theme.SYSTEM);
  private final javafx.beans.property.BooleanProperty tourDone =
      new javafx.beans.property.SimpleBooleanProperty(this, "tourDone", false);
  private final DoubleProperty x = new SimpleDoubleProperty(this, "x", Double.NaN);
  private final DoubleProperty y = new SimpleDoubleProperty(this, "y", Double.NaN);

  /** {@code file} holds the remembered state. */
  public ShellViewModel(WindowStateFile file) {
    this.file = file;
  }

  public ObjectProperty<Screen> screenProperty() {
    return screen;
  }

  public DoubleProperty widthProperty() {
    return width;
  }

  public DoubleProperty heightProperty() {
    return height;
  }

  /** Light, dark, or the system's choice (remembered). */
  public ObjectProperty<Theme> themeProperty() {
    return theme;
  }

  /** The first-run tour was finished or dismissed (remembered: it is not shown again). */
  public javafx.beans.property.BooleanProperty tourDoneProperty() {
    return tourDone;
  }

  /** The window's left edge on the desktop; NaN until it was remembered (then: centred). */
  public DoubleProperty xProperty() {
    return x;
  }

  public DoubleProperty yProperty() {
    return y;
  }

  /** Reads the remembered screen and size; anything unreadable keeps the defaults. */
  public void restore() {
    Properties p = file.read();
    if (p.isEmpty()) {
      return;
    }
    try {
      screen.set(Screen.valueOf(p.getProperty("screen", Screen.ARCHITECTURE.name())));
    } catch (IllegalArgumentException e) {
      screen.set(Screen.ARCHITECTURE);
    }
    width.set(size(p.getProperty("width"), DEFAULT_WIDTH, 640, 4000));
    height.set(size(p.getProperty("height"), DEFAULT_HEIGHT, 480, 3000));
    try {
      theme.set(Theme.valueOf(p.getProperty("theme", Theme.SYSTEM.name())));
    } catch (IllegalArgumentException e) {
      theme.set(Theme.SYSTEM);
    }
    tourDone.set(Boolean.parseBoolean(p.getProperty("tourDone", "false")));
    x.set(size(p.getProperty("x"), Double.NaN, -20_000, 20_000));
    y.set(size(p.getProperty("y"), Double.NaN, -20_000, 20_000));
  }

  /** Writes the screen and size (the window is closing). */
  public void remember() throws IOException {
    Properties p = new Properties();
    p.setProperty("screen", screen.get().name());
    p.setProperty("width", Long.toString(Math.round(width.get())));
    p.setProperty("height", Long.toString(Math.round(height.get())));
    p.setProperty("theme", theme.get().name());
    p.setProperty("tourDone", Boolean.toString(tourDone.get()));
    if (!Double.isNaN(x.get()) && !Double.isNaN(y.get())) {
      p.setProperty("x", Long.toString(Math.round(x.get())));
      p.setProperty("y", Long.toString(Math.round(y.get())));
    }
    file.write(p);
  }

  private static double size(String text, double fallback, double min, double max) {
    try {
      double value = Double.parseDouble(text);
      return value >= min && value <= max ? value : fallback;
    } catch (NumberFormatException | NullPointerException e) {
      return fallback;
    }
  }
}
