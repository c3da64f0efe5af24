package kiln.toolchain;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.CorruptedInputException;
import org.tukaani.xz.XZFormatException;

/** Opening a tar.xz for reading, and saying in plain words why one cannot be read. */
final class TarballInput {

  private TarballInput() {}

  /** The decompressed bytes of every concatenated xz stream in the file. */
  static InputStream xz(Path tarball) throws IOException {
    InputStream file = new BufferedInputStream(Files.newInputStream(tarball), 1 << 16);
    try {
      return new BufferedInputStream(new XzStreams(file), 1 << 16);
    } catch (IOException e) {
      file.close();
      throw e;
    }
  }

  /** A tar reader that fails, saying so, unless the archive ends with its end-of-archive marker. */
  static TarArchiveInputStream tar(InputStream uncompressed) {
    return new CheckedTarInputStream(uncompressed);
  }

  /** Reads the rest of a stream, so the xz decoder checks every stream's index and checksum. */
  static long drain(InputStream in) throws IOException {
    byte[] buffer = new byte[1 << 16];
    long total = 0;
    for (int n; (n = in.read(buffer)) >= 0; ) {
      total += n;
    }
    return total;
  }

  /** A failure reading {@code tarball}, described for a maintainer. */
  static TarballException failure(Path tarball, IOException e) {
    return new TarballException(tarball + ": " + describe(e), e);
  }

  /** Why a file cannot be read or written, in words (never a Java type name). */
  static String describe(IOException e) {
    if (e instanceof DamagedArchiveException) {
      return e.getMessage();
    }
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof EOFException) {
      return "truncated: the xz data ends before its end marker (an incomplete download or copy?)";
    }
    if (e instanceof XZFormatException) {
      return "not an xz file (no xz header)";
    }
    if (e instanceof CorruptedInputException) {
      return "corrupt xz data: " + e.getMessage();
    }
    // Not one of the JDK's type names: a message in words, or the cause's.
    if (e.getMessage() != null && !e.getMessage().isBlank()) {
      return e.getMessage();
    }
    return e.getCause() instanceof IOException cause ? describe(cause) : "input/output error";
  }
}
