package kiln.world;

/** Decodes the backslash escapes of bash's {@code $'...'} quoting. */
final class AnsiC {

  private AnsiC() {}

  static String decode(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\\' || i + 1 >= text.length()) {
        out.append(c);
        continue;
      }
      char e = text.charAt(++i);
      switch (e) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'a' -> out.append('\007');
        case 'b' -> out.append('\b');
        case 'e', 'E' -> out.append('\033');
        case 'f' -> out.append('\f');
        case 'v' -> out.append('\013');
        case 'x' -> i = hex(text, i, out);
        default -> out.append(e == '\\' || e == '\'' || e == '"' || e == '?' ? "" + e : "\\" + e);
      }
    }
    return out.toString();
  }

  private static int hex(String text, int at, StringBuilder out) {
    int stop = at + 1;
    while (stop < text.length() && stop < at + 3 && Character.digit(text.charAt(stop), 16) >= 0) {
      stop++;
    }
    if (stop == at + 1) {
      out.append("\\x");
      return at;
    }
    out.append((char) Integer.parseInt(text.substring(at + 1, stop), 16));
    return stop - 1;
  }
}
