package dev.tokensandbox.desktop.shell;

import java.util.List;
import javafx.geometry.Rectangle2D;

/**
 * Where the window opens: the remembered size and position, clamped so that the whole window is on
 * a screen that shows it (a monitor unplugged since, a resolution lowered); centred on the primary
 * screen when there is no remembered position or it is off every screen.
 */
final class WindowPlacement {
  private WindowPlacement() {}

  /**
   * @param screens the screens' visual bounds, the primary first
   * @param x the remembered left edge, NaN for none
   */
  static Rectangle2D place(
      double x,
      double y,
      double width,
      double height,
      double minWidth,
      double minHeight,
      List<Rectangle2D> screens) {
    Rectangle2D primary = screens.get(0);
    Rectangle2D home = primary;
    if (!Double.isNaN(x) && !Double.isNaN(y)) {
      for (Rectangle2D s : screens) {
        // The screen that holds the remembered title bar's middle, if any does.
        if (s.contains(x + Math.min(width, 200) / 2, y + 10)) {
          home = s;
          break;
        }
      }
    }
    double w = Math.max(minWidth, Math.min(width, home.getWidth()));
    double h = Math.max(minHeight, Math.min(height, home.getHeight()));
    boolean remembered =
        !Double.isNaN(x) && !Double.isNaN(y) && home.contains(x + Math.min(w, 200) / 2, y + 10);
    double left =
        remembered
            ? clamp(x, home.getMinX(), home.getMaxX() - w)
            : home.getMinX() + Math.max(0, (home.getWidth() - w) / 2);
    double top =
        remembered
            ? clamp(y, home.getMinY(), home.getMaxY() - h)
            : home.getMinY() + Math.max(0, (home.getHeight() - h) / 2);
    return new Rectangle2D(left, top, w, h);
  }

  private static double clamp(double value, double min, double max) {
    return Math.max(min, Math.min(value, Math.max(min, max)));
  }
}
