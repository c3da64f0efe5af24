package kiln.toolchain;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file that appears under its name complete or not at all, and never in place of another: bytes
 * go to a hidden temporary file beside it, which is synced and linked to the name on {@link
 * #commit()}. A failure, or a JVM stopped by a signal, removes the temporary file; only a hard kill
 * can leave it behind, and never under the final name.
 */
final class AtomicFile implements AutoCloseable {

  private final Path target;
  private final Path temporary;
  private final FileChannel channel;
  private final MessageDigest sha256;
  private final Thread cleanup;
  private boolean committed;

  AtomicFile(Path target) throws IOException {
    this.target = target;
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    this.temporary = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
    this.channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    this.cleanup = new Thread(this::deleteTemporary, "kiln-atomic-file-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
  }

  /** The stream to write the content to; closing it does not commit. */
  OutputStream output() {
    OutputStream file = Channels.newOutputStream(channel);
    return new DigestOutputStream(new BufferedOutputStream(file, 1 << 16), sha256) {
      @Override
      public void close() throws IOException {
        flush();
      }
    };
  }

  /**
   * Makes the file appear under its name; returns its SHA-256 in hex. A file already there is never
   * replaced: if it holds the same bytes the work was done before (same inputs, same second or
   * SOURCE_DATE_EPOCH) and that is fine; if not, two builds chose one name and neither may silently
   * win.
   *
   * @throws TargetExistsException when the name holds something else
   */
  String commit() throws IOException {
    channel.force(true);
    channel.close();
    // Temporary files are private (0600); a tarball is for sharing, like any file cp makes.
    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
    try {
      publish();
    } catch (FileAlreadyExistsException e) {
      if (!sameBytes()) {
        TargetExistsException taken = new TargetExistsException(target);
        taken.initCause(e);
        throw taken;
      }
    }
    deleteTemporary();
    committed = true;
    return HexFormat.of().formatHex(sha256.digest());
  }

  /**
   * A hard link is the one way to give a file a name only if the name is free, atomically (rename
   * replaces, and a check before it races with another build); where links are not supported, a
   * move without replace is the next best.
   */
  private void publish() throws IOException {
    try {
      Files.createLink(target, temporary);
    } catch (FileAlreadyExistsException e) {
      throw e;
    } catch (UnsupportedOperationException | FileSystemException e) {
      Files.move(temporary, target);
    }
  }

  private boolean sameBytes() throws IOException {
    return Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
        && Files.mismatch(target, temporary) == -1;
  }

  /** Removes the temporary file unless committed. */
  @Override
  public void close() throws IOException {
    try {
      channel.close();
      if (!committed) {
        deleteTemporary();
      }
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(cleanup);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running or about to; it deletes the file itself.
      }
    }
  }

  private void deleteTemporary() {
    try {
      Files.deleteIfExists(temporary);
    } catch (IOException e) {
      System.err.println("kiln: could not remove " + temporary + ": " + TarballInput.describe(e));
    }
  }
}
