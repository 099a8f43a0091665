package dev.tokensandbox.desktop.shell;

import java.lang.management.ManagementFactory;

/**
 * {@code --startup-probe}: prints how long the JVM took from launch to the first shown window (the
 * JVM's own uptime, so no clock is read here), then the time until the screens are usable, and
 * exits. The figure in {@code docs/benchmarks/desktop-startup.md} comes from {@code
 * benchmarks/startup.sh}.
 */
final class StartupProbe {
  private StartupProbe() {}

  /** The window is on screen (its screens may still be opening). */
  static void shown(DesktopOptions options) {
    if (options.startupProbe()) {
      System.out.println("startup: first window shown " + uptime() + " ms after JVM start");
    }
  }

  /** The screens are in the window and usable (the backend may still be starting). */
  static void ready(DesktopOptions options) {
    if (options.startupProbe()) {
      System.out.println("startup: screens ready " + uptime() + " ms after JVM start");
      javafx.application.Platform.exit();
    }
  }

  private static long uptime() {
    return ManagementFactory.getRuntimeMXBean().getUptime();
  }
}
