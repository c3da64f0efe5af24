package kiln.orchestrator.report;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A text file replaced in one step: written beside its place under a temporary name, then renamed
 * over it. A browser reloading the report, or a CI system reading the JUnit file, sees the old file
 * or the new one, never half of one.
 */
final class AtomicText {

  private AtomicText() {}

  static void write(Path file, String text) throws IOException {
    Path absolute = file.toAbsolutePath();
    Path folder = absolute.getParent();
    Files.createDirectories(folder);
    Path temp = Files.createTempFile(folder, "." + absolute.getFileName(), ".tmp");
    try {
      Files.writeString(temp, text);
      readableByAll(temp);
      Files.move(
          temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** A temporary file is private to its owner; a report is for anyone who may read the folder. */
  private static void readableByAll(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    } catch (UnsupportedOperationException | FileSystemException e) {
      // a file system without POSIX modes: the file has the folder's defaults
    }
  }
}
