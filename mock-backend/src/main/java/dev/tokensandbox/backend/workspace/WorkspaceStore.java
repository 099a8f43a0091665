package dev.tokensandbox.backend.workspace;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private final Path file;

  public WorkspaceStore(Path file) {
    this.file = file;
  }

  /** Names the workspace file; {@code $TOKEN_SANDBOX_WORKSPACE} overrides the default. */
  public static final String WORKSPACE_ENV = "TOKEN_SANDBOX_WORKSPACE";

  /**
   * The store every entry point uses: {@code explicit} if given, else {@code
   * $TOKEN_SANDBOX_WORKSPACE}, else {@code <home>/.token-sandbox/workspace.json}.
   */
  public static WorkspaceStore locate(Path explicit, java.util.Map<String, String> env, Path home) {
    if (explicit != null) {
      return new WorkspaceStore(explicit);
    }
    String fromEnv = env.get(WORKSPACE_ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return new WorkspaceStore(Path.of(fromEnv));
    }
    return new WorkspaceStore(home.resolve(".token-sandbox").resolve("workspace.json"));
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
      AtomicFiles.write(file, JSON.writeValueAsBytes(workspace), true);
    } catch (IOException e) {
      throw new WorkspaceException("cannot write workspace " + file + ": " + e.getMessage(), e);
    }
  }

  /** A workspace file could not be read or written; the message names the file and the cause. */
  public static final class WorkspaceException extends UncheckedIOException {
    WorkspaceException(String message, Exception cause) {
      super(message, cause instanceof IOException io ? io : new IOException(cause));
    }
  }
}
