package dev.tokensandbox.desktop.shell;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.scene.shape.ArcType;

/**
 * The application icon, drawn (no image file to ship or keep in sync): a token — a blue rounded
 * square — with a clock hand running out, in the sizes window managers ask for.
 */
final class AppIcon {
  private AppIcon() {}

  /** The icon at 16, 32, 64 and 128 px (call on the FX thread). */
  static List<Image> images() {
    List<Image> out = new ArrayList<>();
    for (int size : new int[] {16, 32, 64, 128}) {
      out.add(draw(size));
    }
    return out;
  }

  static Image draw(int size) {
    Canvas canvas = new Canvas(size, size);
    GraphicsContext g = canvas.getGraphicsContext2D();
    double r = size * 0.22;
    g.setFill(Color.web("#2563eb"));
    g.fillRoundRect(0, 0, size, size, r, r);
    double pad = size * 0.2;
    double d = size - 2 * pad;
    g.setFill(Color.WHITE);
    g.fillOval(pad, pad, d, d);
    // What is left of the token's lifetime: a red slice running out.
    g.setFill(Color.web("#ef4444"));
    g.fillArc(pad, pad, d, d, 90, -70, ArcType.ROUND);
    g.setStroke(Color.web("#111827"));
    g.setLineWidth(Math.max(1, size / 16.0));
    double c = size / 2.0;
    g.strokeLine(c, c, c, pad + d * 0.12);
    g.strokeLine(c, c, c + d * 0.28, c);
    SnapshotParameters params = new SnapshotParameters();
    params.setFill(Color.TRANSPARENT);
    return canvas.snapshot(params, null);
  }
}
