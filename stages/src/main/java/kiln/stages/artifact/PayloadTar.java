package kiln.stages.artifact;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/**
 * Writes a package prefix as an artifact payload: an xz-compressed tar whose entries are the
 * prefix's path without the leading slash ({@code hab/pkgs/o/n/v/r/...}), directories included,
 * sorted by name, owned by 0:0, with fixed mtimes, so the same tree always gives the same bytes.
 */
final class PayloadTar {

  /** Habitat's default compression level. */
  static final int XZ_LEVEL = 6;

  private final Path root;
  private final UnaryOperator<Instant> mtime;

  /**
   * @param root the directory that holds {@code hab/pkgs/...}
   * @param mtime maps a file's real mtime to the one recorded
   */
  PayloadTar(Path root, UnaryOperator<Instant> mtime) {
    this.root = root;
    this.mtime = mtime;
  }

  /** Writes the tree under {@code prefix} (a directory below the root) to {@code out}. */
  void write(Path prefix, OutputStream out) throws IOException, ArtifactException {
    XZOutputStream xz = new XZOutputStream(new NonClosing(out), new LZMA2Options(XZ_LEVEL));
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(xz, "UTF-8")) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      add(tar, prefix);
    }
  }

  private void add(TarArchiveOutputStream tar, Path path) throws IOException, ArtifactException {
    PosixFileAttributes attributes =
        Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    String name = root.relativize(path).toString().replace('\\', '/');
    if (attributes.isSymbolicLink()) {
      TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
      entry.setLinkName(Files.readSymbolicLink(path).toString());
      put(tar, entry, 0777, attributes);
      tar.closeArchiveEntry();
    } else if (attributes.isDirectory()) {
      put(tar, new TarArchiveEntry(name + "/"), mode(attributes.permissions()), attributes);
      tar.closeArchiveEntry();
      for (Path child : children(path)) {
        add(tar, child);
      }
    } else if (attributes.isRegularFile()) {
      TarArchiveEntry entry = new TarArchiveEntry(name);
      entry.setSize(attributes.size());
      put(tar, entry, mode(attributes.permissions()), attributes);
      Files.copy(path, tar);
      tar.closeArchiveEntry();
    } else {
      throw new ArtifactException(
          path + " is neither a file, a directory nor a symbolic link: a package cannot hold it");
    }
  }

  private void put(
      TarArchiveOutputStream tar, TarArchiveEntry entry, int mode, PosixFileAttributes attributes)
      throws IOException {
    entry.setMode(entry.getMode() & ~07777 | mode);
    entry.setUserId(0);
    entry.setGroupId(0);
    entry.setUserName("root");
    entry.setGroupName("root");
    entry.setModTime(FileTime.from(mtime.apply(attributes.lastModifiedTime().toInstant())));
    tar.putArchiveEntry(entry);
  }

  /** Children sorted by name, so the order never depends on the file system. */
  private static List<Path> children(Path dir) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
          .toList();
    }
  }

  static int mode(Set<PosixFilePermission> permissions) {
    int mode = 0;
    for (PosixFilePermission permission : permissions) {
      mode |= 0400 >> permission.ordinal();
    }
    return mode;
  }

  /** Lets the tar and xz streams finish without closing the file the caller still needs. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
