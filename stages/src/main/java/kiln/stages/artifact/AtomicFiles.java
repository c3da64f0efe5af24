package kiln.stages.artifact;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Writes a file so that readers see either nothing or all of it: into a hidden temporary file in
 * the same directory, flushed to disk, then renamed into place. A failure removes the temporary
 * file; only a crash of the machine can leave one behind (its name starts with {@code .kiln-tmp}).
 */
final class AtomicFiles {

  /** Writes the content of a file. */
  interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFiles() {}

  /**
   * Writes {@code target} atomically with the given permissions.
   *
   * @param replace whether an existing target may be replaced
   */
  static void write(Path target, Set<PosixFilePermission> mode, boolean replace, Content content)
      throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, ".kiln-tmp-", "-" + target.getFileName());
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        OutputStream out = Channels.newOutputStream(channel);
        content.writeTo(out);
        out.flush();
        channel.force(true);
      }
      Files.setPosixFilePermissions(temp, mode);
      move(temp, target, replace);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void move(Path temp, Path target, boolean replace) throws IOException {
    if (!replace && Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      throw new java.nio.file.FileAlreadyExistsException(target.toString());
    }
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("cannot rename " + temp + " to " + target + " atomically", e);
    }
  }
}
