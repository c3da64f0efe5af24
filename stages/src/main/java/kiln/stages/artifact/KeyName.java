package kiln.stages.artifact;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of one origin key: the origin and the UTC revision it was generated at, written {@code
 * core-20160810182414}. Habitat calls this a named revision; .hart headers and key files carry it.
 *
 * @param name the origin, e.g. {@code core}
 * @param revision fourteen digits, UTC {@code yyyyMMddHHmmss}
 */
public record KeyName(String name, String revision) {

  private static final Pattern NAMED_REVISION = Pattern.compile("^(.+)-(\\d{14})$");
  private static final Pattern REVISION = Pattern.compile("\\d{14}");

  public KeyName {
    if (name == null || name.isBlank() || name.contains("/") || name.contains("\n")) {
      throw new IllegalArgumentException("invalid key name '" + name + "'");
    }
    if (revision == null || !REVISION.matcher(revision).matches()) {
      throw new IllegalArgumentException(
          "invalid key revision '" + revision + "' (want UTC yyyyMMddHHmmss)");
    }
  }

  /**
   * Parses {@code name-revision}.
   *
   * @throws IllegalArgumentException with Habitat's text, {@code Cannot parse named revision 'X'}
   */
  public static KeyName parse(String text) {
    Matcher match = NAMED_REVISION.matcher(text);
    if (!match.matches() || match.group(1).contains("/")) {
      throw new IllegalArgumentException("Cannot parse named revision '" + text + "'");
    }
    return new KeyName(match.group(1), match.group(2));
  }

  /** The public key's file name, {@code name-revision.pub}. */
  public String publicFileName() {
    return this + ".pub";
  }

  /** The secret signing key's file name, {@code name-revision.sig.key}. */
  public String secretFileName() {
    return this + ".sig.key";
  }

  @Override
  public String toString() {
    return name + "-" + revision;
  }
}
