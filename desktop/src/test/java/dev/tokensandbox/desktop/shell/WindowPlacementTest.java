package dev.tokensandbox.desktop.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class WindowPlacementTest {
  private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1366, 740);
  private static final Rectangle2D MONITOR = new Rectangle2D(1366, 0, 2560, 1400);

  @Test
  void theRememberedPlaceAndSizeComeBack() {
    assertThat(WindowPlacement.place(1500, 100, 1400, 900, 900, 600, List.of(LAPTOP, MONITOR)))
        .isEqualTo(new Rectangle2D(1500, 100, 1400, 900));
  }

  @Test
  void aWindowOnAMonitorThatIsGoneOpensCentredOnThePrimaryScreenAndFitsIt() {
    Rectangle2D placed = WindowPlacement.place(1500, 100, 1400, 900, 900, 600, List.of(LAPTOP));
    assertThat(placed.getWidth()).isEqualTo(1366);
    assertThat(placed.getHeight()).isEqualTo(740);
    assertThat(placed.getMinX()).isZero();
    assertThat(placed.getMinY()).isZero();
  }

  @Test
  void aWindowHangingOffTheEdgeIsPulledBackOn() {
    Rectangle2D placed = WindowPlacement.place(1000, 500, 1180, 760, 900, 600, List.of(LAPTOP));
    assertThat(placed.getMaxX()).isLessThanOrEqualTo(LAPTOP.getMaxX());
    assertThat(placed.getMaxY()).isLessThanOrEqualTo(LAPTOP.getMaxY());
    assertThat(placed.getMinX()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void theFirstRunIsCentredAndNeverBelowTheMinimum() {
    Rectangle2D placed =
        WindowPlacement.place(Double.NaN, Double.NaN, 1180, 760, 900, 600, List.of(MONITOR));
    assertThat(placed.getWidth()).isEqualTo(1180);
    assertThat(placed.getMinX()).isEqualTo(1366 + (2560 - 1180) / 2.0);
    Rectangle2D tiny = new Rectangle2D(0, 0, 800, 500);
    assertThat(WindowPlacement.place(Double.NaN, Double.NaN, 1180, 760, 900, 600, List.of(tiny)))
        .isEqualTo(new Rectangle2D(0, 0, 900, 600));
  }
}
