package kiln.toolchain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * One entry of a tarball about to be written: its header fields and where its content comes from (a
 * host file, inline bytes, or nothing for directories and links).
 *
 * @param path the entry name without trailing slash, e.g. {@code tools/bin/busybox}
 * @param type the tar type flag
 * @param mode permission bits (07777)
 * @param mtime modification time
 * @param linkTarget the link target for symlinks and hard links, else ""
 * @param source the host file for regular files copied in, else null
 * @param inline the content of files written from text, else null
 */
record PlannedEntry(
    String path,
    byte type,
    int mode,
    Instant mtime,
    String linkTarget,
    Path source,
    byte[] inline) {

  /** Parents before children, siblings by name: the order tar entries are written in. */
  static final Comparator<String> PATH_ORDER = PlannedEntry::comparePaths;

  static PlannedEntry directory(String path, int mode, Instant mtime) {
    return new PlannedEntry(path, TarConstants.LF_DIR, mode, mtime, "", null, null);
  }

  static PlannedEntry hostFile(String path, int mode, Instant mtime, Path source) {
    return new PlannedEntry(path, TarConstants.LF_NORMAL, mode, mtime, "", source, null);
  }

  static PlannedEntry inlineFile(String path, int mode, Instant mtime, byte[] content) {
    return new PlannedEntry(path, TarConstants.LF_NORMAL, mode, mtime, "", null, content);
  }

  static PlannedEntry symlink(String path, String target, Instant mtime) {
    return new PlannedEntry(path, TarConstants.LF_SYMLINK, 0777, mtime, target, null, null);
  }

  PlannedEntry asHardLinkTo(String target) {
    return new PlannedEntry(path, TarConstants.LF_LINK, mode, mtime, target, null, null);
  }

  boolean isDirectory() {
    return type == TarConstants.LF_DIR;
  }

  /** The tar header: owner root (0:0), mode, mtime, size, link target. */
  TarArchiveEntry header() throws IOException {
    String name = isDirectory() ? path + "/" : path;
    TarArchiveEntry entry = new TarArchiveEntry(name, type, true);
    entry.setMode(modeWithType());
    entry.setModTime(mtime.toEpochMilli());
    entry.setIds(0, 0);
    entry.setNames("root", "root");
    entry.setLinkName(linkTarget);
    entry.setSize(size());
    return entry;
  }

  InputStream content() throws IOException {
    if (source != null) {
      return Files.newInputStream(source);
    }
    return new ByteArrayInputStream(inline == null ? new byte[0] : inline);
  }

  long size() throws IOException {
    if (source != null) {
      return Files.size(source);
    }
    return inline == null ? 0 : inline.length;
  }

  private int modeWithType() {
    int typeBits =
        switch (type) {
          case TarConstants.LF_DIR -> 040000;
          case TarConstants.LF_SYMLINK -> 0120000;
          default -> 0100000;
        };
    return typeBits | (mode & 07777);
  }

  private static int comparePaths(String a, String b) {
    String[] left = a.split("/");
    String[] right = b.split("/");
    for (int i = 0; i < Math.min(left.length, right.length); i++) {
      int order = left[i].compareTo(right[i]);
      if (order != 0) {
        return order;
      }
    }
    return Integer.compare(left.length, right.length);
  }
}
