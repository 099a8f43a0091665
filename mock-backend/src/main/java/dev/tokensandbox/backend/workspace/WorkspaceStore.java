package dev.tokensandbox.backend.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Reads and writes a workspace file. Writes are atomic (temp file + rename) and owner-only where
 * the file system supports POSIX permissions, so a crash never leaves a half-written file.
 */
public final class WorkspaceStore {
  private final Path file;
  private final java.util.function.Consumer<String> warnings;
  private final boolean named;

  public WorkspaceStore(Path file) {
    this(file, warning -> {});
  }

  /** A store that reports what it noticed and fixed (a too-open file) to {@code warnings}. */
  public WorkspaceStore(Path file, java.util.function.Consumer<String> warnings) {
    this(file, warnings, true);
  }

  /**
   * {@code named}: the user named this file (an option or a variable), so a directory created for
   * it is said; the default location's directory is created silently.
   */
  private WorkspaceStore(Path file, java.util.function.Consumer<String> warnings, boolean named) {
    this.file = file;
    this.warnings = warnings;
    this.named = named;
  }

  /** This store, reporting to {@code warnings}. */
  public WorkspaceStore warningsTo(java.util.function.Consumer<String> warnings) {
    return new WorkspaceStore(file, warnings, named);
  }

  /** Names the workspace file; {@code $TOKEN_SANDBOX_WORKSPACE} overrides the default. */
  public static final String WORKSPACE_ENV = "TOKEN_SANDBOX_WORKSPACE";

  /**
   * The store every entry point uses: {@code explicit} if given, else {@code
   * $TOKEN_SANDBOX_WORKSPACE}, else {@code workspace.json} in the {@link SandboxHome} ({@code
   * userHome} is Java's {@code user.home}).
   */
  public static WorkspaceStore locate(
      Path explicit, java.util.Map<String, String> env, Path userHome) {
    if (explicit != null) {
      return new WorkspaceStore(explicit);
    }
    String fromEnv = env.get(WORKSPACE_ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return new WorkspaceStore(Path.of(fromEnv));
    }
    return new WorkspaceStore(
        SandboxHome.dir(env, userHome).resolve("workspace.json"), warning -> {}, false);
  }

  public Path file() {
    return file;
  }

  /**
   * The workspace in the file, or empty when there is no file. A file that cannot be used (not
   * JSON, a field missing or too weak, a symbolic link to nothing) is a {@link WorkspaceException}
   * whose message names the file and the field; a file others may read is tightened to owner-only
   * and reported as a warning.
   */
  public Optional<Workspace> load() {
    if (Files.isSymbolicLink(file) && !Files.exists(file)) {
      throw new WorkspaceException(
          "workspace "
              + file
              + " is a symbolic link to "
              + linkTarget()
              + ", which does not exist: create it or remove the link",
          null);
    }
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    if (!Files.isRegularFile(file)) {
      // A FIFO would block the read forever; a directory or device is not a workspace.
      throw new WorkspaceException(
          "workspace "
              + file
              + " is not a regular file (a directory, FIFO or device): give a workspace file",
          null);
    }
    Workspace workspace;
    try (var in = Files.newInputStream(file)) {
      workspace = WorkspaceJson.read(in);
    } catch (WorkspaceJson.ShapeException e) {
      throw new WorkspaceException(
          "workspace " + file + " is not a valid workspace file: " + e.getOriginalMessage(), null);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      // Never the file's text: a link to another file must not echo what that file holds.
      var at = e.getLocation();
      throw new WorkspaceException(
          "workspace "
              + file
              + " is not a valid workspace file: not JSON"
              + (at == null || at.getLineNr() < 1
                  ? ""
                  : " (at line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"),
          null);
    } catch (java.nio.file.AccessDeniedException e) {
      throw new WorkspaceException(
          "cannot read workspace " + file + ": permission denied (chmod 600 it for this user)",
          null);
    } catch (IOException e) {
      throw new WorkspaceException(
          "cannot read workspace " + file + ": " + e.getClass().getSimpleName(), null);
    }
    if (workspace == null) {
      throw new WorkspaceException("workspace " + file + " is empty", null);
    }
    workspace
        .problem()
        .ifPresent(
            problem -> {
              throw new WorkspaceException("workspace " + file + ": " + problem, null);
            });
    tightenIfOpen();
    return Optional.of(workspace);
  }

  /**
   * The existing workspace, or a new one generated with {@code random} and saved. Two processes
   * creating it at once agree: the file is created exclusively, and the one that loses the race
   * loads the winner's.
   */
  public Workspace loadOrCreate(RandomGenerator random) {
    Optional<Workspace> existing = load();
    if (existing.isPresent()) {
      return existing.get();
    }
    Workspace fresh = Workspace.generate(random);
    Path parent = file.toAbsolutePath().getParent();
    if (named && parent != null && !Files.exists(parent)) {
      // Said, so a typo in --workspace does not silently grow a directory tree.
      warnings.accept("the directory " + parent + " did not exist: created it for the workspace");
    }
    try {
      if (AtomicFiles.createExclusively(file, WorkspaceJson.write(fresh), true)) {
        return fresh;
      }
    } catch (IOException e) {
      throw new WorkspaceException("cannot write workspace " + file + ": " + e.getMessage(), e);
    }
    return load()
        .orElseThrow(
            () -> new WorkspaceException("workspace " + file + " vanished while created", null));
  }

  public void save(Workspace workspace) {
    if (Files.isSymbolicLink(file)) {
      // Never written through: the link could point anywhere the sandbox's user may write.
      throw new WorkspaceException(
          "workspace "
              + file
              + " is a symbolic link: the sandbox reads through it but never writes through it;"
              + " save to the file itself (--workspace "
              + linkTarget()
              + ")",
          null);
    }
    try {
      AtomicFiles.write(file, WorkspaceJson.write(workspace), true);
    } catch (IOException e) {
      throw new WorkspaceException("cannot write workspace " + file + ": " + e.getMessage(), e);
    }
  }

  private String linkTarget() {
    try {
      return Files.readSymbolicLink(file).toString();
    } catch (IOException e) {
      return "a missing file";
    }
  }

  /** Group or others may read the file (it holds the App Certificate): make it owner-only. */
  private void tightenIfOpen() {
    try {
      var permissions = Files.getPosixFilePermissions(file);
      var open = java.util.EnumSet.copyOf(permissions);
      open.removeAll(
          java.util.EnumSet.of(
              java.nio.file.attribute.PosixFilePermission.OWNER_READ,
              java.nio.file.attribute.PosixFilePermission.OWNER_WRITE,
              java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE));
      if (Files.isSymbolicLink(file)) {
        // Never chmod through a link: its target may be any file.
        if (!open.isEmpty()) {
          warnings.accept(
              "workspace "
                  + file
                  + " is a link to a file others may read; the sandbox does not change a link's"
                  + " target: chmod 600 "
                  + linkTarget());
        }
        return;
      }
      if (!open.isEmpty()) {
        Files.setPosixFilePermissions(
            file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        warnings.accept(
            "workspace "
                + file
                + " was readable by others ("
                + java.nio.file.attribute.PosixFilePermissions.toString(permissions)
                + "); it holds the App Certificate, so it is now owner-only (rw-------)");
      }
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the user profile's ACLs apply.
    } catch (IOException e) {
      warnings.accept(
          "workspace "
              + file
              + " may be readable by others and could not be made owner-only: "
              + e.getMessage());
    }
  }

  /** A workspace file could not be read or written; the message names the file and the cause. */
  public static final class WorkspaceException extends UncheckedIOException {
    WorkspaceException(String message, Exception cause) {
      super(message, cause instanceof IOException io ? io : new IOException(message, cause));
    }
  }
}
