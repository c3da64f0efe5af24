package kiln.toolchain;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file that appears under its name complete or not at all: bytes go to a hidden temporary file
 * beside it, which is synced and renamed over the name on {@link #commit()}. A failure, or a JVM
 * stopped by a signal, removes the temporary file; only a hard kill can leave it behind, and never
 * under the final name.
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

  /** Makes the file appear under its name; returns its SHA-256 in hex. */
  String commit() throws IOException {
    channel.force(true);
    channel.close();
    Files.move(
        temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    committed = true;
    return HexFormat.of().formatHex(sha256.digest());
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
      System.err.println("kiln: could not remove " + temporary + ": " + e.getMessage());
    }
  }
}
