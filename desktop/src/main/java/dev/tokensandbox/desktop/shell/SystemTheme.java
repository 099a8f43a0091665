package dev.tokensandbox.desktop.shell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Whether the desktop prefers a dark look (JavaFX 21 cannot ask): GNOME's {@code color-scheme} or a
 * {@code GTK_THEME} ending in {@code :dark} on Linux, {@code AppleInterfaceStyle} on macOS, {@code
 * AppsUseLightTheme} on Windows. Asked once, before the toolkit starts; any doubt means light.
 */
final class SystemTheme {
  private SystemTheme() {}

  static boolean prefersDark() {
    String gtk = System.getenv("GTK_THEME");
    if (gtk != null && gtk.toLowerCase(Locale.ROOT).endsWith(":dark")) {
      return true;
    }
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.contains("mac")) {
      return ask(List.of("defaults", "read", "-g", "AppleInterfaceStyle")).contains("dark");
    }
    if (os.contains("win")) {
      String answer =
          ask(
              List.of(
                  "reg",
                  "query",
                  "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                  "/v",
                  "AppsUseLightTheme"));
      return answer.contains("0x0");
    }
    return ask(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"))
        .contains("prefer-dark");
  }

  /** The command's output in lower case, or "" when it is missing, fails or takes over 1 s. */
  private static String ask(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      if (!p.waitFor(1, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "";
      }
      try (InputStream out = p.getInputStream()) {
        return new String(out.readNBytes(4096), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
      }
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
