package kiln.toolchain;

import java.util.Objects;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * One entry of a tarball as {@code kiln stage0 list} shows it.
 *
 * @param type {@code d} directory, {@code -} file, {@code l} symlink, {@code h} hard link, or
 *     another tar type letter ({@code c}, {@code b}, {@code p}, {@code ?})
 * @param mode permission bits (07777)
 * @param size content size in bytes (0 for directories and links)
 * @param path the entry's name as stored
 * @param linkTarget the target of a symlink or hard link, else ""
 */
public record TarballEntry(char type, int mode, long size, String path, String linkTarget) {

  public TarballEntry {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(linkTarget, "linkTarget");
  }

  static TarballEntry of(TarArchiveEntry entry) {
    char type;
    if (entry.isDirectory()) {
      type = 'd';
    } else if (entry.isSymbolicLink()) {
      type = 'l';
    } else if (entry.isLink()) {
      type = 'h';
    } else if (entry.isCharacterDevice()) {
      type = 'c';
    } else if (entry.isBlockDevice()) {
      type = 'b';
    } else if (entry.isFIFO()) {
      type = 'p';
    } else if (entry.isFile()) {
      type = '-';
    } else {
      type = '?';
    }
    long size = entry.isFile() ? entry.getSize() : 0;
    return new TarballEntry(
        type, entry.getMode() & 07777, size, entry.getName(), entry.getLinkName());
  }

  /** {@code -rwxr-xr-x 1234 tools/bin/busybox}, with {@code -> target} for links. */
  @Override
  public String toString() {
    String line = type + permissions() + " " + size + " " + path;
    if (type == 'l') {
      return line + " -> " + linkTarget;
    }
    return type == 'h' ? line + " link to " + linkTarget : line;
  }

  private String permissions() {
    StringBuilder text = new StringBuilder();
    String letters = "rwxrwxrwx";
    for (int bit = 8; bit >= 0; bit--) {
      text.append((mode & (1 << bit)) != 0 ? letters.charAt(8 - bit) : '-');
    }
    special(text, 2, 04000, 's');
    special(text, 5, 02000, 's');
    special(text, 8, 01000, 't');
    return text.toString();
  }

  private void special(StringBuilder text, int index, int bit, char letter) {
    if ((mode & bit) != 0) {
      boolean executable = text.charAt(index) == 'x';
      text.setCharAt(index, executable ? letter : Character.toUpperCase(letter));
    }
  }
}
