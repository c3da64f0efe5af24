package kiln.resume;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import kiln.world.PackageIdent;

/**
 * What the ledger keeps one state for within a stage: a plan's ident plus the {@code VAR=value}
 * settings of its base-list line. {@code core/patchelf FIRST_PASS=true} and {@code core/patchelf}
 * are two entries, built and recorded apart.
 *
 * @param ident the plan's origin and name (a version, if given, is dropped)
 * @param args the {@code VAR=value} settings in list order; empty for world plans
 */
public record EntryKey(PackageIdent ident, List<String> args) implements Comparable<EntryKey> {

  private static final Pattern SETTING = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=\\S*");

  public EntryKey {
    ident = ident.originAndName();
    args = List.copyOf(args);
    for (String arg : args) {
      if (!SETTING.matcher(arg).matches()) {
        throw new IllegalArgumentException(
            "not a VAR=value setting for " + ident + ": '" + arg + "'");
      }
    }
  }

  /** An entry without settings. */
  public static EntryKey of(PackageIdent ident) {
    return new EntryKey(ident, List.of());
  }

  /**
   * Reads an ident and its settings as {@link #toString} writes them: {@code o/n [VAR=value...]}.
   *
   * @throws IllegalArgumentException naming the text
   */
  public static EntryKey parse(String text) {
    String[] words = text.trim().split("\\s+");
    PackageIdent ident = PackageIdent.parse(words[0]);
    return new EntryKey(ident, Arrays.asList(words).subList(1, words.length));
  }

  /** The settings as one line, space-separated; empty when there are none. */
  public String argsText() {
    return String.join(" ", args);
  }

  @Override
  public int compareTo(EntryKey other) {
    return toString().compareTo(other.toString());
  }

  // Written out for the same reason as PackageIdent's: the generated ones are bootstrapped
  // through method handles and run slowly until compiled, and a resume hashes every key of the
  // world several times before its first build.
  @Override
  public boolean equals(Object o) {
    return o instanceof EntryKey k && ident.equals(k.ident) && args.equals(k.args);
  }

  @Override
  public int hashCode() {
    return ident.hashCode() * 31 + args.hashCode();
  }

  @Override
  public String toString() {
    return args.isEmpty() ? ident.toString() : ident + " " + argsText();
  }
}
