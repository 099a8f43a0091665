package dev.tokensandbox.desktop.shell;

import dev.tokensandbox.backend.workspace.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The small properties file the window remembers itself in (written atomically). A missing or
 * unreadable file reads as empty: the window then opens with its defaults.
 */
public final class WindowStateFile {
  private final Path file;

  /** {@code file} may be null: then nothing is remembered. */
  public WindowStateFile(Path file) {
    this.file = file;
  }

  /** What was remembered; empty when there is nothing (or nothing readable). */
  public Properties read() {
    Properties p = new Properties();
    if (file == null || !Files.isRegularFile(file)) {
      return p;
    }
    try (InputStream in = Files.newInputStream(file)) {
      p.load(in);
      return p;
    } catch (IOException | IllegalArgumentException e) {
      return new Properties();
    }
  }

  public void write(Properties p) throws IOException {
    if (file == null) {
      return;
    }
    StringWriter text = new StringWriter();
    p.store(text, "Token Sandbox window");
    AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.ISO_8859_1), false);
  }
}
