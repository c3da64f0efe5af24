package kiln.stages.store;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kiln.world.PackageIdent;

/**
 * Habitat's order of package versions, lowest first. A version splits on {@code ([\d.]+)(.+)?} into
 * dot-separated numbers, compared as integers (a missing part counts as 0), and a suffix (one
 * leading '-' dropped); with equal numbers, no suffix beats a suffix ({@code 1.0} is newer than
 * {@code 1.0-rc1}) and suffixes compare as strings. Versions Habitat cannot split (no digits at
 * all, or an empty number between dots) compare as plain strings. Equal versions fall back to the
 * release, compared as a string (releases are timestamps).
 */
public final class VersionOrder implements Comparator<PackageIdent> {

  /** The one instance; the order has no state. */
  public static final VersionOrder INSTANCE = new VersionOrder();

  private static final Pattern VERSION = Pattern.compile("([\\d.]+)(.+)?");

  private VersionOrder() {}

  /** Compares the versions, then the releases; a missing version or release sorts first. */
  @Override
  public int compare(PackageIdent a, PackageIdent b) {
    int byVersion =
        Comparator.<String>nullsFirst(VersionOrder::compareVersions)
            .compare(a.version(), b.version());
    if (byVersion != 0) {
      return byVersion;
    }
    return Comparator.<String>nullsFirst(Comparator.naturalOrder())
        .compare(a.release(), b.release());
  }

  /** Compares two version strings by Habitat's rules. */
  public static int compareVersions(String a, String b) {
    Split left = split(a);
    Split right = split(b);
    if (left == null || right == null) {
      return a.compareTo(b);
    }
    int length = Math.max(left.numbers().length, right.numbers().length);
    for (int i = 0; i < length; i++) {
      int byNumber = left.number(i).compareTo(right.number(i));
      if (byNumber != 0) {
        return byNumber;
      }
    }
    if (Objects.equals(left.suffix(), right.suffix())) {
      return 0;
    }
    if (left.suffix() == null || right.suffix() == null) {
      return left.suffix() == null ? 1 : -1;
    }
    return left.suffix().compareTo(right.suffix());
  }

  private record Split(BigInteger[] numbers, String suffix) {
    BigInteger number(int index) {
      return index < numbers.length ? numbers[index] : BigInteger.ZERO;
    }
  }

  /** The version's numbers and suffix, or null when Habitat could not split it. */
  private static Split split(String version) {
    Matcher match = VERSION.matcher(version);
    if (!match.find()) {
      return null;
    }
    String[] parts = match.group(1).split("\\.", -1);
    BigInteger[] numbers = new BigInteger[parts.length];
    for (int i = 0; i < parts.length; i++) {
      if (parts[i].isEmpty()) {
        return null;
      }
      numbers[i] = new BigInteger(parts[i]);
    }
    String suffix = match.group(2);
    if (suffix != null && suffix.length() > 1 && suffix.startsWith("-")) {
      suffix = suffix.substring(1);
    }
    return new Split(numbers, suffix);
  }
}
