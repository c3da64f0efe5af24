package kiln.toolchain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Tarball file names: {@code <name>-<UTC yyyyMMddHHmmss>.tar.xz}. */
final class TarballName {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
  private static final Pattern STAMPED = Pattern.compile("(.+)-(\\d{14})\\.tar\\.xz");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

  private TarballName() {}

  static boolean isValidName(String name) {
    return name != null && NAME.matcher(name).matches() && !name.startsWith(".");
  }

  static String of(String name, Instant stamp) {
    return name + "-" + STAMP.format(stamp) + ".tar.xz";
  }

  /** The name part of a file name, without the timestamp and {@code .tar.xz} when present. */
  static String nameOf(String fileName) {
    Matcher stamped = STAMPED.matcher(fileName);
    if (stamped.matches()) {
      return stamped.group(1);
    }
    return fileName.replaceFirst("\\.(tar\\.xz|txz)$", "");
  }

  /** The timestamp in a file name, if it has one. */
  static Optional<Instant> stampOf(String fileName) {
    Matcher stamped = STAMPED.matcher(fileName);
    if (!stamped.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.from(STAMP.parse(stamped.group(2))));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
