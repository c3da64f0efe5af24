package kiln.world;

import java.util.Comparator;

/** The one order of idents every tie in the world is broken by: their text. */
final class Idents {

  /**
   * Idents in the order of their texts ({@code origin/name[/version[/release]]}), compared without
   * making the texts: ordering a large world compares idents a few million times.
   */
  static final Comparator<PackageIdent> ORDER = Idents::compare;

  private Idents() {}

  private static int compare(PackageIdent a, PackageIdent b) {
    for (int k = 0; a != b && k < 4; k++) {
      String s = part(a, k);
      String t = part(b, k);
      if (s == null || t == null) {
        return (s == null ? 0 : 1) - (t == null ? 0 : 1); // the text that ended first is smaller
      }
      int n = Math.min(s.length(), t.length());
      for (int i = 0; i < n; i++) {
        if (s.charAt(i) != t.charAt(i)) {
          return s.charAt(i) - t.charAt(i);
        }
      }
      if (s.length() != t.length()) {
        // One part starts the other: the shorter text goes on with '/' (parts hold none) or ends.
        boolean aShorter = s.length() < t.length();
        String longer = aShorter ? t : s;
        boolean goesOn = k < 3 && part(aShorter ? a : b, k + 1) != null;
        int c = goesOn ? '/' - longer.charAt(n) : -1;
        return aShorter ? c : -c;
      }
    }
    return 0;
  }

  private static String part(PackageIdent p, int k) {
    return switch (k) {
      case 0 -> p.origin();
      case 1 -> p.name();
      case 2 -> p.version();
      default -> p.release();
    };
  }
}
