package kiln.world;

import java.util.ArrayList;
import java.util.List;

/**
 * The here-documents opened on the current line, whose bodies start after its end. A body ends at a
 * line that is exactly the delimiter ({@code <<-} strips leading tabs first), as in bash; inside a
 * command substitution the delimiter may be followed by the {@code )} that closes it. Bash reads a
 * body that never ends to the end of the file.
 *
 * <p>The lenient reading, tried only when the exact one does not parse, also ends a body at a line
 * equal to the delimiter once trimmed: the indented example in the plan syntax guide.
 */
final class Heredocs {

  private record Pending(String delimiter, boolean stripTabs) {}

  private final List<Pending> pending = new ArrayList<>();
  private final boolean trimmedEnds;
  private final boolean inSubstitution;

  Heredocs(boolean trimmedEnds, boolean inSubstitution) {
    this.trimmedEnds = trimmedEnds;
    this.inSubstitution = inSubstitution;
  }

  boolean trimmedEnds() {
    return trimmedEnds;
  }

  /** A {@code <<} or {@code <<-} with this delimiter word as written (quotes are removed). */
  void open(String delimiterWord, boolean stripTabs) {
    String delimiter = delimiterWord.replace("'", "").replace("\"", "").replace("\\", "");
    pending.add(new Pending(delimiter, stripTabs));
  }

  /** Where the bodies end: the position after them and the number of lines they take. */
  record Skipped(int pos, int lines) {}

  /** Steps over the bodies opened on the line that ended just before {@code pos}. */
  Skipped skipBodies(String src, int pos) {
    int lines = 0;
    for (Pending doc : pending) {
      while (pos < src.length()) {
        int eol = src.indexOf('\n', pos);
        int lineEnd = eol < 0 ? src.length() : eol;
        int textStart = pos;
        if (doc.stripTabs()) {
          while (textStart < lineEnd && src.charAt(textStart) == '\t') {
            textStart++;
          }
        }
        String text = src.substring(textStart, lineEnd);
        if (inSubstitution && text.startsWith(doc.delimiter() + ")")) {
          pos = textStart + doc.delimiter().length(); // the ')' is the substitution's
          break;
        }
        pos = eol < 0 ? src.length() : eol + 1;
        lines++;
        if (text.equals(doc.delimiter()) || (trimmedEnds && text.strip().equals(doc.delimiter()))) {
          break;
        }
      }
    }
    pending.clear();
    return new Skipped(pos, lines);
  }

  boolean isEmpty() {
    return pending.isEmpty();
  }
}
