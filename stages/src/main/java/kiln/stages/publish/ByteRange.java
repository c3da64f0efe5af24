package kiln.stages.publish;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of a file, from a {@code Range: bytes=...} header: {@code a-b}, {@code a-} or
 * {@code -n} (the last n bytes).
 *
 * @param first the first byte's offset
 * @param last the last byte's offset, inclusive
 */
record ByteRange(long first, long last) {

  private static final Pattern SPEC = Pattern.compile("bytes=(\\d*)-(\\d*)");

  ByteRange {
    if (first < 0 || last < first) {
      throw new IllegalArgumentException("bad range " + first + "-" + last);
    }
  }

  long length() {
    return last - first + 1;
  }

  /** What the answer's {@code Content-Range} says. */
  String contentRange(long size) {
    return "bytes " + first + "-" + last + "/" + size;
  }

  /**
   * The range a header asks for in a file of {@code size} bytes.
   *
   * @return empty when there is no header or it asks in units other than bytes (the whole file is
   *     sent then)
   * @throws IllegalArgumentException when the range is malformed, several ranges are asked for, or
   *     it lies outside the file: the answer is 416
   */
  static Optional<ByteRange> of(String header, long size) {
    if (header == null || !header.strip().startsWith("bytes=")) {
      return Optional.empty();
    }
    Matcher match = SPEC.matcher(header.strip());
    if (!match.matches() || (match.group(1).isEmpty() && match.group(2).isEmpty())) {
      throw new IllegalArgumentException("unsupported range '" + header + "'");
    }
    try {
      if (match.group(1).isEmpty()) {
        long suffix = Long.parseLong(match.group(2));
        if (suffix == 0 || size == 0) {
          throw new IllegalArgumentException("empty range '" + header + "'");
        }
        return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
      }
      long first = Long.parseLong(match.group(1));
      long last = match.group(2).isEmpty() ? size - 1 : Long.parseLong(match.group(2));
      if (first >= size || last < first) {
        throw new IllegalArgumentException("range '" + header + "' outside " + size + " bytes");
      }
      return Optional.of(new ByteRange(first, Math.min(last, size - 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("range '" + header + "' too large", e);
    }
  }
}
