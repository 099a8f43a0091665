package dev.tokensandbox.backend.workspace;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file so that a crash at any moment leaves either the old content or the new, never a
 * torn or empty file: the bytes go to a temporary file in the same directory, are forced to disk,
 * and the temporary file is moved over the target atomically.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /**
   * Replaces {@code file} with {@code bytes}; {@code ownerOnly} makes it readable by its owner only
   * (for files that may hold secrets) where the file system supports POSIX permissions.
   */
  public static void write(Path file, byte[] bytes, boolean ownerOnly) throws IOException {
    Path tmp = writeBeside(file, bytes, ownerOnly);
    try {
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** {@code bytes} in a new temporary file next to {@code file}, forced to disk. */
  private static Path writeBeside(Path file, byte[] bytes, boolean ownerOnly) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + file.getFileName() + "-", ".tmp");
    try {
      if (ownerOnly) {
        ownerOnly(tmp);
      }
      try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        channel.write(java.nio.ByteBuffer.wrap(bytes));
        channel.force(true);
      }
      return tmp;
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
  }

  /**
   * Creates {@code file} with {@code bytes} unless it exists, atomically: the complete content is
   * written to a temporary file first, then hard-linked to the name, which fails if another process
   * created it meanwhile. Returns whether this call created it. Where hard links are not supported,
   * falls back to an exclusive create (still only one creator wins).
   */
  public static boolean createExclusively(Path file, byte[] bytes, boolean ownerOnly)
      throws IOException {
    Path tmp = writeBeside(file, bytes, ownerOnly);
    try {
      try {
        Files.createLink(file, tmp);
        return true;
      } catch (java.nio.file.FileAlreadyExistsException taken) {
        return false;
      } catch (UnsupportedOperationException | java.nio.file.FileSystemException noLinks) {
        if (Files.exists(file)) {
          return false;
        }
        try (FileChannel channel =
            FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
          if (ownerOnly) {
            ownerOnly(file);
          }
          channel.write(java.nio.ByteBuffer.wrap(bytes));
          channel.force(true);
          return true;
        } catch (java.nio.file.FileAlreadyExistsException taken) {
          return false;
        }
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static void ownerOnly(Path path) throws IOException {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system (Windows): the user profile's ACLs apply.
    }
  }
}
