package kiln.stages.compare;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rewrites one side's package paths to the other's: {@code o/n/v/RELEASE_B} becomes {@code
 * o/n/v/RELEASE_A} in file contents and names. Releases are all {@code yyyyMMddHHmmss}, so a
 * rewrite never changes a file's length or an offset inside a binary; a pair of idents whose texts
 * differ in length is not mapped (and its files will show as different).
 *
 * @param pairs each ident text of side B (origin/name/version/release) and side A's
 */
record ReleaseMap(List<Pair> pairs) {

  /** One ident of side B and the same package's ident on side A, as bytes. */
  record Pair(byte[] from, byte[] to) {}

  ReleaseMap {
    pairs = List.copyOf(pairs);
  }

  /** From B's ident texts to A's, for the packages both sides have. */
  static ReleaseMap of(Map<String, String> bToA) {
    List<Pair> pairs = new ArrayList<>();
    bToA.forEach(
        (from, to) -> {
          if (!from.equals(to) && from.length() == to.length()) {
            pairs.add(
                new Pair(
                    from.getBytes(StandardCharsets.US_ASCII),
                    to.getBytes(StandardCharsets.US_ASCII)));
          }
        });
    return new ReleaseMap(pairs);
  }

  /** The bytes with every occurrence of a B ident replaced by A's (in place). */
  byte[] apply(byte[] bytes) {
    for (Pair pair : pairs) {
      replace(bytes, pair.from(), pair.to());
    }
    return bytes;
  }

  /** A path or link target with B's idents replaced by A's. */
  String apply(String text) {
    return new String(apply(text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
  }

  private static void replace(byte[] bytes, byte[] from, byte[] to) {
    int last = bytes.length - from.length;
    outer:
    for (int i = 0; i <= last; i++) {
      for (int j = 0; j < from.length; j++) {
        if (bytes[i + j] != from[j]) {
          continue outer;
        }
      }
      System.arraycopy(to, 0, bytes, i, to.length);
      i += from.length - 1;
    }
  }
}
