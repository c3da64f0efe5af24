package kiln.world;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A package identifier, {@code origin/name[/version[/release]]}, as plans and artifacts write it.
 *
 * @param origin the upstream the package belongs to, e.g. {@code core}
 * @param name the package name, e.g. {@code zlib}
 * @param version the version, or null when the ident does not pin one
 * @param release the release timestamp, or null when the ident does not pin one
 */
public record PackageIdent(String origin, String name, String version, String release) {

  /** Origins and names as the plan syntax guide allows them. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

  public PackageIdent {
    requireName("origin", origin);
    requireName("name", name);
    if (release != null && version == null) {
      throw new IllegalArgumentException("a release needs a version: " + origin + "/" + name);
    }
    requireVersion(version);
    requireRelease(release);
  }

  /** An ident of just origin and name. */
  public static PackageIdent of(String origin, String name) {
    return new PackageIdent(origin, name, null, null);
  }

  /**
   * Parses {@code origin/name[/version[/release]]}.
   *
   * @throws IllegalArgumentException naming the text and what is wrong with it
   */
  public static PackageIdent parse(String text) {
    String[] parts = text.split("/", -1);
    if (parts.length < 2 || parts.length > 4) {
      throw new IllegalArgumentException(
          "not a package ident: '" + text + "' (want origin/name[/version[/release]])");
    }
    try {
      return new PackageIdent(
          parts[0],
          parts[1],
          parts.length > 2 ? parts[2] : null,
          parts.length > 3 ? parts[3] : null);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "not a package ident: '" + text + "': " + e.getMessage(), e);
    }
  }

  /** Tells whether a text is a valid origin or package name. */
  public static boolean isValidName(String text) {
    return text != null && NAME.matcher(text).matches();
  }

  /** This ident cut to origin/name, as world ordering compares plans. */
  public PackageIdent originAndName() {
    return version == null ? this : of(origin, name);
  }

  public Optional<String> versionIfSet() {
    return Optional.ofNullable(version);
  }

  public Optional<String> releaseIfSet() {
    return Optional.ofNullable(release);
  }

  /** True when version and release are both set: the ident names one built artifact. */
  public boolean isFullyQualified() {
    return release != null;
  }

  // Written out because the record's generated equals and hashCode are bootstrapped through
  // method handles the first time they run: ~0.07 s of a 0.6 s world-order run (a map key here).
  @Override
  public boolean equals(Object o) {
    return o instanceof PackageIdent p
        && origin.equals(p.origin)
        && name.equals(p.name)
        && Objects.equals(version, p.version)
        && Objects.equals(release, p.release);
  }

  @Override
  public int hashCode() {
    return ((origin.hashCode() * 31 + name.hashCode()) * 31 + Objects.hashCode(version)) * 31
        + Objects.hashCode(release);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(origin).append('/').append(name);
    if (version != null) {
      text.append('/').append(version);
    }
    if (release != null) {
      text.append('/').append(release);
    }
    return text.toString();
  }

  private static void requireName(String what, String value) {
    if (!isValidName(value)) {
      throw new IllegalArgumentException(
          "invalid " + what + " '" + value + "' (letters, digits, '-' and '_' only)");
    }
  }

  private static void requireVersion(String value) {
    if (value == null) {
      return;
    }
    boolean ok = !value.isEmpty();
    for (int i = 0; ok && i < value.length(); i++) {
      char c = value.charAt(i);
      ok = c != '/' && !Character.isWhitespace(c) && !Character.isISOControl(c);
    }
    if (!ok) {
      throw new IllegalArgumentException(
          "invalid version '" + value + "' (no whitespace or '/', not empty)");
    }
  }

  /** A release is the UTC build time, YYYYMMDDhhmmss, as the plan syntax guide defines it. */
  private static void requireRelease(String value) {
    if (value != null && !isRelease(value)) {
      throw new IllegalArgumentException(
          "invalid release '" + value + "' (a build time YYYYMMDDhhmmss, 14 digits)");
    }
  }

  private static boolean isRelease(String value) {
    if (value.length() != 14) {
      return false;
    }
    for (int i = 0; i < 14; i++) {
      if (value.charAt(i) < '0' || value.charAt(i) > '9') {
        return false;
      }
    }
    int month = Integer.parseInt(value, 4, 6, 10);
    int day = Integer.parseInt(value, 6, 8, 10);
    int hour = Integer.parseInt(value, 8, 10, 10);
    int minute = Integer.parseInt(value, 10, 12, 10);
    int second = Integer.parseInt(value, 12, 14, 10);
    return month >= 1
        && month <= 12
        && day >= 1
        && day <= 31
        && hour < 24
        && minute < 60
        && second < 61;
  }
}
