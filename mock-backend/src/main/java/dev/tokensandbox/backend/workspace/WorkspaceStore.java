package dev.tokensandbox.backend.workspace;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Reads and writes a workspace file. Writes are atomic (temp file + rename) and owner-only where
 * the file system supports POSIX permissions, so a crash never leaves a half-written file.
 */
public final class WorkspaceStore {
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private final Path file;

  public WorkspaceStore(Path file) {
    this.file = file;
  }

  public Path file() {
    return file;
  }

  /** The workspace in the file, or empty when the file does not exist. */
  public Optional<Workspace> load() {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      Workspace workspace = JSON.readValue(file.toFile(), Workspace.class);
      workspace.agoraCredentials(); // validates the shape of App ID and certificate
      return Optional.of(workspace);
    } catch (IOException | IllegalArgumentException e) {
      throw new WorkspaceException("cannot read workspace " + file + ": " + e.getMessage(), e);
    }
  }

  /** The existing workspace, or a new one generated with {@code random} and saved. */
  public Workspace loadOrCreate(RandomGenerator random) {
    return load()
        .orElseGet(
            () -> {
              Workspace fresh = Workspace.generate(random);
              save(fresh);
              return fresh;
            });
  }

  public void save(Workspace workspace) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, ".workspace-", ".tmp");
      try {
        ownerOnly(tmp);
        Files.write(tmp, JSON.writeValueAsBytes(workspace));
        move(tmp);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new WorkspaceException("cannot write workspace " + file + ": " + e.getMessage(), e);
    }
  }

  private void move(Path tmp) throws IOException {
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void ownerOnly(Path path) throws IOException {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system (Windows): the user profile's ACLs apply.
    }
  }

  /** A workspace file could not be read or written; the message names the file and the cause. */
  public static final class WorkspaceException extends UncheckedIOException {
    WorkspaceException(String message, Exception cause) {
      super(message, cause instanceof IOException io ? io : new IOException(cause));
    }
  }
}
