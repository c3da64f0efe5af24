package kiln.stages.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kiln.stages.artifact.Blake2b;
import kiln.stages.artifact.HartHeader;
import kiln.stages.artifact.SecretSigningKey;
import kiln.world.PackageIdent;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/** Hand-made artifacts, including ones no honest build writes, and hand-made installed packages. */
final class StoreFixture {

  private final ByteArrayOutputStream payload = new ByteArrayOutputStream();
  private final TarArchiveOutputStream tar;

  StoreFixture() throws IOException {
    tar = new TarArchiveOutputStream(new XZOutputStream(payload, new LZMA2Options(1)));
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
  }

  StoreFixture dir(String name) throws IOException {
    tar.putArchiveEntry(new TarArchiveEntry(name.endsWith("/") ? name : name + "/"));
    tar.closeArchiveEntry();
    return this;
  }

  StoreFixture file(String name, String content) throws IOException {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    // Keep a leading '/': hostile artifacts have one.
    TarArchiveEntry entry = new TarArchiveEntry(name, true);
    entry.setSize(bytes.length);
    tar.putArchiveEntry(entry);
    tar.write(bytes);
    tar.closeArchiveEntry();
    return this;
  }

  StoreFixture link(String name, String target, byte type) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name, type);
    entry.setLinkName(target);
    tar.putArchiveEntry(entry);
    tar.closeArchiveEntry();
    return this;
  }

  StoreFixture symlink(String name, String target) throws IOException {
    return link(name, target, TarConstants.LF_SYMLINK);
  }

  StoreFixture special(String name, byte type) throws IOException {
    tar.putArchiveEntry(new TarArchiveEntry(name, type));
    tar.closeArchiveEntry();
    return this;
  }

  /** Signs what was added as a HART-1 document. */
  Path sign(SecretSigningKey key, Path file) throws IOException {
    tar.close();
    byte[] bytes = payload.toByteArray();
    Files.write(file, HartHeader.sign(key, Blake2b.hexOf(bytes)).toBytes());
    Files.write(file, bytes, java.nio.file.StandardOpenOption.APPEND);
    return file;
  }

  /** An installed package made by hand, with the given TDEPS and TARGET. */
  static InstalledPackage installed(Path store, String ident, String target, String... tdeps)
      throws IOException {
    PackageIdent parsed = PackageIdent.parse(ident);
    Path dir = store.resolve("hab/pkgs/" + ident);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("IDENT"), ident + "\n");
    if (target != null) {
      Files.writeString(dir.resolve("TARGET"), target + "\n");
    }
    if (tdeps.length > 0) {
      Files.writeString(dir.resolve("TDEPS"), String.join("\n", tdeps) + "\n");
    }
    return new InstalledPackage(parsed, dir);
  }
}
