package kiln.orchestrator.report;

/**
 * Text made safe to place inside HTML or XML, in element content and in quoted attribute values
 * alike. Plan settings and log tails are untrusted: a {@code <script>} in a build's output must
 * show as text. Control characters other than tab and newline (a build's colour codes, say) are not
 * allowed in XML 1.0 and mean nothing on a page, so they are shown as {@code \x1b}-style text.
 */
final class Markup {

  private Markup() {}

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    text.codePoints().forEach(c -> append(out, c));
    return out.toString();
  }

  private static void append(StringBuilder out, int c) {
    switch (c) {
      case '&' -> out.append("&amp;");
      case '<' -> out.append("&lt;");
      case '>' -> out.append("&gt;");
      case '"' -> out.append("&quot;");
      case '\'' -> out.append("&#39;");
      case '\t', '\n' -> out.append((char) c);
      default -> {
        if (c < 0x20 || c == 0x7f || c == 0xfffe || c == 0xffff || (c >= 0xd800 && c < 0xe000)) {
          out.append(c < 0x100 ? String.format("\\x%02x", c) : String.format("\\u%04x", c));
        } else {
          out.appendCodePoint(c);
        }
      }
    }
  }
}
