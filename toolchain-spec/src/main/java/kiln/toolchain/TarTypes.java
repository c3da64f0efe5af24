package kiln.toolchain;

import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * The tar entry types kiln unpacks: regular files, directories, symlinks and hard links (pax and
 * GNU long-name headers are read into the entry they precede). Commons Compress calls every type it
 * does not know a file ({@code isFile()}), so a volume label or a GNU dumpdir would otherwise come
 * out as a regular file; they are judged here by their type flag instead, and refused by name.
 */
final class TarTypes {

  private static final Map<Character, String> NAMES =
      Map.of(
          '7', "a contiguous file",
          'D', "a GNU dumpdir (an incremental backup's directory listing)",
          'M', "a GNU multi-volume continuation",
          'N', "an old GNU long-name entry",
          'V', "a GNU volume label",
          'A', "a Solaris access control list",
          'E', "a Solaris extended attribute entry",
          'I', "an inode metadata entry",
          'X', "a Solaris extended header");

  private TarTypes() {}

  /** What is wrong with the entry's type, if kiln does not unpack that type. */
  static Optional<String> problemWith(TarArchiveEntry entry) {
    char flag = (char) (entry.getLinkFlag() & 0xff);
    switch (flag) {
      case '0', '\0' -> {
        return entry.isSparse()
            ? Optional.of("is a sparse file, which kiln does not unpack")
            : Optional.empty();
      }
      case '1', '2', '5' -> {
        return Optional.empty();
      }
      case '3', '4' -> {
        return Optional.of("is a device file");
      }
      case '6' -> {
        return Optional.of("is a FIFO");
      }
      case 'S' -> {
        return Optional.of("is a sparse file, which kiln does not unpack");
      }
      default -> {
        String what = NAMES.getOrDefault(flag, "an entry of unknown type");
        return Optional.of(
            "is " + what + " (tar type " + shown(flag) + "), which kiln does not unpack");
      }
    }
  }

  private static String shown(char flag) {
    return flag > ' ' && flag < 0x7f ? "'" + flag + "'" : String.format("0x%02x", (int) flag);
  }
}
