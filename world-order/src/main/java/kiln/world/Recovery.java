package kiln.world;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads what it can of text that bash parses and the reader's parser does not: the commands before
 * the one it fails on, then the rest from the first later line where the rest parses. The lines in
 * between become a warning naming them, and the settings assigned there that the plan then lacks.
 */
final class Recovery {

  /** How the warning about stepped-over lines starts. */
  static final String CANNOT_PARSE = "the reader cannot parse ";

  private Recovery() {}

  static Node.Block parse(String src) {
    List<Integer> starts = lineStarts(src);
    List<Node> nodes = new ArrayList<>();
    int line = 1;
    while (true) {
      ShellParser parser = ShellParser.from(src, starts.get(line - 1), line);
      try {
        parser.parseInto(nodes);
        return new Node.Block(1, List.copyOf(nodes));
      } catch (ShellSyntaxException e) {
        int from = parser.commandLine() > 0 ? parser.commandLine() : e.line();
        int resume = Math.max(from, e.line()) + 1;
        while (resume <= starts.size() && !parsesFrom(src, starts.get(resume - 1), resume)) {
          resume++;
        }
        nodes.add(note(src, starts, from, resume - 1, e));
        if (resume > starts.size()) {
          return new Node.Block(1, List.copyOf(nodes));
        }
        line = resume;
      }
    }
  }

  private static boolean parsesFrom(String src, int pos, int line) {
    try {
      ShellParser.from(src, pos, line).parseInto(new ArrayList<>());
      return true;
    } catch (ShellSyntaxException e) {
      return false;
    }
  }

  private static Node.Note note(
      String src, List<Integer> starts, int from, int to, ShellSyntaxException e) {
    int end = to < starts.size() ? starts.get(to) : src.length();
    String skipped = src.substring(starts.get(from - 1), Math.max(starts.get(from - 1), end));
    String lines = from == to ? "line " + from : "lines " + from + "-" + to;
    String settings =
        Tracked.SETTINGS.stream()
            .filter(s -> skipped.contains(s + "=") || skipped.contains(s + "+="))
            .sorted()
            .collect(Collectors.joining(", "));
    String lost =
        settings.isEmpty()
            ? ""
            : "; "
                + settings
                + " assigned there "
                + (settings.contains(",") ? "are" : "is")
                + " not seen";
    return new Node.Note(
        from,
        CANNOT_PARSE
            + lines
            + " ("
            + e.getMessage()
            + " at line "
            + e.line()
            + "), which bash parses; it reads on after them"
            + lost
            + " (kiln --eval sources plans with bash for an exact answer)");
  }

  /** The settings a warning of this class says are not seen; empty for any other warning. */
  static List<String> lost(String warning) {
    int end = warning.indexOf(" assigned there ");
    if (!warning.startsWith(CANNOT_PARSE) || end < 0) {
      return List.of();
    }
    return List.of(warning.substring(warning.lastIndexOf("; ", end) + 2, end).split(", "));
  }

  private static List<Integer> lineStarts(String src) {
    List<Integer> starts = new ArrayList<>(List.of(0));
    for (int i = src.indexOf('\n'); i >= 0 && i + 1 <= src.length(); i = src.indexOf('\n', i + 1)) {
      if (i + 1 < src.length()) {
        starts.add(i + 1);
      }
    }
    return starts;
  }
}
