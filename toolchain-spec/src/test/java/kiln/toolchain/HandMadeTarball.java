package kiln.toolchain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/** Writes tar.xz files entry by entry, hostile ones included, for tests. */
final class HandMadeTarball implements AutoCloseable {

  private final TarArchiveOutputStream tar;

  HandMadeTarball(Path file) throws IOException {
    this(new XZOutputStream(Files.newOutputStream(file), new LZMA2Options(1)));
  }

  /** An uncompressed tar into {@code out}, to be cut and compressed by the test. */
  HandMadeTarball(OutputStream out) {
    tar = new TarArchiveOutputStream(out, "UTF-8");
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
  }

  /** Each part compressed as its own xz stream, concatenated, as kiln writes big tarballs. */
  static byte[] xzStreams(byte[]... parts) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      XZOutputStream xz = new XZOutputStream(all, new LZMA2Options(1));
      xz.write(part);
      xz.finish();
    }
    return all.toByteArray();
  }

  HandMadeTarball dir(String name) throws IOException {
    return add(new TarArchiveEntry(name.endsWith("/") ? name : name + "/", true), "");
  }

  HandMadeTarball file(String name, String content) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name, true);
    entry.setMode(0100644);
    return add(entry, content);
  }

  HandMadeTarball symlink(String name, String target) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK, true);
    entry.setLinkName(target);
    return add(entry, "");
  }

  HandMadeTarball hardLink(String name, String target) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_LINK, true);
    entry.setLinkName(target);
    return add(entry, "");
  }

  HandMadeTarball special(String name, byte type) throws IOException {
    return add(new TarArchiveEntry(name, type, true), "");
  }

  private HandMadeTarball add(TarArchiveEntry entry, String content) throws IOException {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    entry.setSize(bytes.length);
    tar.putArchiveEntry(entry);
    tar.write(bytes);
    tar.closeArchiveEntry();
    return this;
  }

  @Override
  public void close() throws IOException {
    tar.close();
  }
}
