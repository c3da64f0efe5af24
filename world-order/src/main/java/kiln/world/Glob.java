package kiln.world;

/** Turns bash glob patterns ({@code *}, {@code ?}, {@code [...]}) into Java regexes. */
final class Glob {

  private Glob() {}

  static String toRegex(String glob) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> out.append(".*");
        case '?' -> out.append('.');
        case '[' -> i = bracket(glob, i, out);
        case '\\' -> {
          if (i + 1 < glob.length()) {
            out.append('\\').append(glob.charAt(++i));
          }
        }
        default -> {
          if ("^$.|+(){}]".indexOf(c) >= 0) {
            out.append('\\');
          }
          out.append(c);
        }
      }
    }
    return out.toString();
  }

  private static int bracket(String glob, int open, StringBuilder out) {
    int close = glob.indexOf(']', open + 2);
    if (close < 0) {
      out.append("\\[");
      return open;
    }
    String inside = glob.substring(open + 1, close);
    if (inside.startsWith("!")) {
      inside = "^" + inside.substring(1);
    }
    out.append('[').append(inside.replace("\\", "\\\\").replace("[", "\\[")).append(']');
    return close;
  }
}
