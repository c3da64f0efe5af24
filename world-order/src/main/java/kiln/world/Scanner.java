package kiln.world;

/**
 * Finds where a {@code ${...}} or {@code $(...)} ends without interpreting it: nesting, quotes,
 * comments and here-documents (whose text may hold any quote or parenthesis) are stepped over.
 */
final class Scanner {

  private final String src;
  private final int startLine;
  private int pos;
  private int line;

  Scanner(String src, int pos, int line) {
    this.src = src;
    this.pos = pos;
    this.line = line;
    this.startLine = line;
  }

  int line() {
    return line;
  }

  /** The index of the {@code }} closing a {@code ${} whose inside starts here. */
  int matchingBrace() throws ShellSyntaxException {
    int depth = 1;
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == '\\') {
        pos += 2;
        continue;
      } else if (c == '"') {
        skipDouble();
        continue;
      } else if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return pos;
      } else if (c == '\n') {
        line++;
      }
      pos++;
    }
    throw new ShellSyntaxException(startLine, "a ${ is never closed");
  }

  /** The index of the {@code )} closing a {@code $(} whose inside starts here. */
  int matchingParen() throws ShellSyntaxException {
    return matching('(', ')');
  }

  /**
   * The index of the {@code }} closing a function body whose inside starts here. Braces are counted
   * outside quotes, comments and here-documents; {@code ${...}} and {@code {a,b}} are balanced, so
   * they cancel out.
   */
  int matchingCurly() throws ShellSyntaxException {
    return matching('{', '}');
  }

  private int matching(char open, char close) throws ShellSyntaxException {
    int depth = 1;
    String heredoc = null;
    boolean wordStart = true;
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == '\\') {
        pos += 2;
        wordStart = false;
        continue;
      }
      if (c == '\'' && pos > 0 && src.charAt(pos - 1) == '$') {
        skipAnsiC();
      } else if (c == '\'') {
        skipPast('\'');
      } else if (c == '"') {
        skipDouble();
      } else if (c == '`') {
        skipPast('`');
      } else if (c == '#' && wordStart) {
        while (pos < src.length() && src.charAt(pos) != '\n') {
          pos++;
        }
      } else if (c == '<' && src.startsWith("<<", pos) && !src.startsWith("<<<", pos)) {
        pos += src.startsWith("<<-", pos) ? 3 : 2;
        heredoc = delimiter();
      } else {
        if (c == '\n') {
          line++;
          pos++;
          if (heredoc != null) {
            skipHeredoc(heredoc);
            heredoc = null;
          }
          wordStart = true;
          continue;
        }
        if (c == open) {
          depth++;
        } else if (c == close && --depth == 0) {
          return pos;
        }
        pos++;
      }
      wordStart = c == ' ' || c == '\t' || c == ';' || c == '(' || c == '|' || c == '&';
    }
    throw new ShellSyntaxException(
        startLine, open == '(' ? "a $( is never closed" : "a function body is never closed");
  }

  private void skipAnsiC() throws ShellSyntaxException {
    int i = pos + 1;
    while (i < src.length() && src.charAt(i) != '\'') {
      i += src.charAt(i) == '\\' ? 2 : 1;
    }
    if (i >= src.length()) {
      throw new ShellSyntaxException(line, "a $' quote is never closed");
    }
    line += ShellLexer.count(src.substring(pos, i), '\n');
    pos = i + 1;
  }

  private void skipPast(char quote) throws ShellSyntaxException {
    int close = src.indexOf(quote, pos + 1);
    if (close < 0) {
      throw new ShellSyntaxException(line, "a " + quote + " quote is never closed");
    }
    line += ShellLexer.count(src.substring(pos, close), '\n');
    pos = close + 1;
  }

  private void skipDouble() throws ShellSyntaxException {
    int from = line;
    pos++;
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == '\\') {
        pos += 2;
        continue;
      }
      if (c == '"') {
        pos++;
        return;
      }
      if (c == '\n') {
        line++;
      }
      if (c == '$' && src.startsWith("$(", pos)) {
        Scanner inner = new Scanner(src, pos + 2, line);
        pos = inner.matchingParen() + 1;
        line = inner.line;
        continue;
      }
      pos++;
    }
    throw new ShellSyntaxException(from, "a \" quote is never closed");
  }

  private String delimiter() {
    while (pos < src.length() && (src.charAt(pos) == ' ' || src.charAt(pos) == '\t')) {
      pos++;
    }
    int start = pos;
    while (pos < src.length() && " \t\n;|&)<>".indexOf(src.charAt(pos)) < 0) {
      pos++;
    }
    return src.substring(start, pos).replace("'", "").replace("\"", "").replace("\\", "");
  }

  private void skipHeredoc(String delimiter) {
    while (pos < src.length()) {
      int eol = src.indexOf('\n', pos);
      int lineEnd = eol < 0 ? src.length() : eol;
      String text = src.substring(pos, lineEnd).strip();
      if (text.equals(delimiter) || (text.startsWith(delimiter + ")") && eol >= 0)) {
        // Leave the delimiter line to the caller when a ')' closes on it.
        if (!text.equals(delimiter)) {
          pos = src.indexOf(delimiter, pos) + delimiter.length();
          return;
        }
        pos = eol < 0 ? src.length() : eol + 1;
        line++;
        return;
      }
      pos = eol < 0 ? src.length() : eol + 1;
      line++;
    }
  }
}
