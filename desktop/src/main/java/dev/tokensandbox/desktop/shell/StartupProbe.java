package dev.tokensandbox.desktop.shell;

import java.lang.management.ManagementFactory;
import javafx.application.Application;

/**
 * {@code --startup-probe}: prints how long the JVM took from launch to the first shown window (the
 * JVM's own uptime, so no clock is read here) and lets the snapshot or the user go on. The figure
 * in {@code docs/benchmarks/desktop-startup.md} comes from {@code scripts/startup.sh}.
 */
final class StartupProbe {
  private StartupProbe() {}

  static void report(Application.Parameters parameters) {
    if (parameters.getUnnamed().contains("--startup-probe")) {
      System.out.println(
          "startup: first window shown "
              + ManagementFactory.getRuntimeMXBean().getUptime()
              + " ms after JVM start");
      javafx.application.Platform.exit();
    }
  }
}
