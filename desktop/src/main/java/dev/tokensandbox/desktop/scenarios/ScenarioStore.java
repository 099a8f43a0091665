package dev.tokensandbox.desktop.scenarios;

import dev.tokensandbox.backend.traffic.Redactor;
import dev.tokensandbox.backend.workspace.AtomicFiles;
import dev.tokensandbox.client.presets.Scenario;
import dev.tokensandbox.client.presets.ScenarioFile;
import dev.tokensandbox.desktop.issue.IssueFlow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Scenario files and bug reports on disk: where they go by default, reading a scenario back with
 * every check a hand-edited file needs, writing atomically (owner-only when credentials are in it).
 * Every failure is an {@link IOException} whose message is fit for the status line. Blocking: the
 * view-model calls it off the UI thread.
 */
public final class ScenarioStore {
  /** Largest scenario file read (a hand-edited file should not exhaust memory). */
  public static final long MAX_FILE_BYTES = 1024 * 1024;

  /** The file named does not exist; the message says which ("No such file: …"). */
  public static final class Missing extends IOException {
    Missing(String file) {
      super("No such file: " + file);
    }
  }

  private final Path directory;

  /** {@code directory} is where files go unless the user names another place. */
  public ScenarioStore(Path directory) {
    this.directory = directory;
  }

  public String defaultScenarioFile() {
    return directory.resolve("scenario.json").toString();
  }

  public String defaultReportFile() {
    return directory.resolve("bug-report.html").toString();
  }

  /**
   * The problem with {@code text} as a file name ("" when none): empty, or not a path on this
   * system. {@code what} names the field ("scenario file").
   */
  public String problem(String text, String what) {
    if (text == null || text.isBlank()) {
      return what + ": choose a file";
    }
    try {
      Path.of(text.strip());
      return "";
    } catch (InvalidPathException e) {
      return what + ": not a valid path (" + e.getReason() + ")";
    }
  }

  /** Writes {@code scenario} atomically; owner-only when it carries credentials. */
  public void save(String file, Scenario scenario) throws IOException {
    AtomicFiles.write(
        path(file),
        ScenarioFile.write(scenario).getBytes(StandardCharsets.UTF_8),
        scenario.credentials() != null);
  }

  /** Reads and checks a scenario file. */
  public Scenario load(String file) throws IOException {
    Path path = path(file);
    try {
      if (Files.size(path) > MAX_FILE_BYTES) {
        throw new IOException("the file is larger than " + MAX_FILE_BYTES + " bytes");
      }
      Scenario s;
      try {
        s = ScenarioFile.read(Files.readString(path, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException | java.nio.charset.CharacterCodingException e) {
        throw new IOException(e.getMessage());
      }
      check(s);
      return s;
    } catch (NoSuchFileException e) {
      throw new Missing(e.getFile());
    }
  }

  /** Writes {@code report} as JSON (a {@code .json} name) or HTML; returns the format used. */
  public BugReport.Format export(String file, BugReport report, Redactor redactor)
      throws IOException {
    Path path = path(file);
    BugReport.Format format =
        path.getFileName() != null
                && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
            ? BugReport.Format.JSON
            : BugReport.Format.HTML;
    AtomicFiles.write(
        path, report.render(format, redactor).getBytes(StandardCharsets.UTF_8), false);
    return format;
  }

  /** The {@code file:} URI of {@code file} (absolute), for a browser. */
  public String uri(String file) {
    return Path.of(file.strip()).toAbsolutePath().toUri().toString();
  }

  /** What the format leaves to the desktop: the Issue screen's flow names. */
  private static void check(Scenario s) throws IOException {
    if (s.issueFlow() != null && !isFlow(s.issueFlow())) {
      throw new IOException("issueFlow: unknown flow " + s.issueFlow());
    }
  }

  private static boolean isFlow(String name) {
    for (IssueFlow f : IssueFlow.values()) {
      if (f.name().equals(name)) {
        return true;
      }
    }
    return false;
  }

  private static Path path(String file) throws IOException {
    try {
      return Path.of(file.strip());
    } catch (InvalidPathException e) {
      throw new IOException("not a valid path (" + e.getReason() + ")", e);
    }
  }
}
