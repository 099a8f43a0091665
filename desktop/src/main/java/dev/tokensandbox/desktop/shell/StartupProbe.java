package dev.tokensandbox.desktop.shell;

import java.lang.management.ManagementFactory;

/**
 * {@code --startup-probe}: prints how long the JVM took from launch to the first shown window and
 * to usable screens (the JVM's own uptime; elapsed times on the monotonic clock carry it back to
 * each moment), and exits. Measuring tooling, not logic: nothing else reads these clocks. The
 * figures in {@code docs/benchmarks/desktop-startup.md} come from {@code benchmarks/startup.sh}.
 */
final class StartupProbe {
  /** {@link System#nanoTime()} when the window was shown; 0 until then. */
  private static long shownAt;

  private StartupProbe() {}

  /** The window is on screen (its screens may still be opening). */
  static void shown(DesktopOptions options) {
    if (options.startupProbe()) {
      shownAt = System.nanoTime();
    }
  }

  /**
   * The screens are in the window and usable (the backend may still be starting): prints both
   * figures and exits. The JVM's uptime is asked for only now — the management classes it needs
   * take 50–100 ms to load, which asked at the window's moment would be counted in both figures —
   * and each moment is that uptime less the time since it (the same monotonic clock).
   */
  static void ready(DesktopOptions options) {
    if (options.startupProbe()) {
      long readyAt = System.nanoTime();
      long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
      long now = System.nanoTime();
      System.out.println(
          "startup: first window shown " + before(uptime, now, shownAt) + " ms after JVM start");
      System.out.println(
          "startup: screens ready " + before(uptime, now, readyAt) + " ms after JVM start");
      javafx.application.Platform.exit();
    }
  }

  private static long before(long uptimeMillis, long now, long then) {
    return uptimeMillis - (now - then) / 1_000_000;
  }
}
