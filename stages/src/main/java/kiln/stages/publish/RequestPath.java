package kiln.stages.publish;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A request's path, decoded and checked before it comes near the file system: percent-decoded once,
 * each segment refused when it is empty ({@code //}), {@code .} or {@code ..}, hidden (starts with
 * a dot), or holds a slash, a backslash or a control character after decoding (so {@code %2e%2e}
 * and {@code %2f} cannot sneak past).
 */
final class RequestPath {

  private RequestPath() {}

  /**
   * The segments of a raw path ({@code /} gives none).
   *
   * @throws IllegalArgumentException saying what is refused
   */
  static List<String> segments(String rawPath) {
    if (rawPath == null || !rawPath.startsWith("/")) {
      throw new IllegalArgumentException("the path must start with /");
    }
    List<String> segments = new ArrayList<>();
    if (rawPath.equals("/")) {
      return segments;
    }
    String[] raw = rawPath.substring(1).split("/", -1);
    for (int i = 0; i < raw.length; i++) {
      if (raw[i].isEmpty() && i == raw.length - 1) {
        continue; // a trailing slash
      }
      String segment = decode(raw[i]);
      if (segment.isEmpty() || segment.startsWith(".")) {
        throw new IllegalArgumentException("refused segment '" + raw[i] + "'");
      }
      for (char c : segment.toCharArray()) {
        if (c == '/' || c == '\\' || c < 0x20 || c == 0x7f) {
          throw new IllegalArgumentException("refused segment '" + raw[i] + "'");
        }
      }
      segments.add(segment);
    }
    return segments;
  }

  private static String decode(String raw) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
        int low = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
        if (high < 0 || low < 0) {
          throw new IllegalArgumentException("bad escape in '" + raw + "'");
        }
        int value = high * 16 + low;
        bytes.write(value);
        i += 2;
      } else {
        bytes.write(c);
      }
    }
    return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
  }
}
