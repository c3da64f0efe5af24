package kiln.world;

/**
 * Finds where a {@code ${...}} or an arithmetic {@code ((...))} ends without interpreting it, as
 * bash does: quotes, {@code $'...'}, backticks and nested substitutions are stepped over (a nested
 * {@code $(...)} is parsed, since only the grammar knows where it ends).
 */
final class Scanner {

  /** Where an expansion ends: the index of its closing character and the line it is on. */
  record End(int close, int line) {}

  private final String src;
  private final boolean trimmedHeredocEnds;
  private final int startLine;
  private int pos;
  private int line;

  private Scanner(String src, int pos, int line, boolean trimmedHeredocEnds) {
    this.src = src;
    this.pos = pos;
    this.line = line;
    this.startLine = line;
    this.trimmedHeredocEnds = trimmedHeredocEnds;
  }

  /** The {@code }} closing a {@code ${} whose inside starts at {@code from}. */
  static End paramEnd(String src, int from, int line, boolean trimmedHeredocEnds)
      throws ShellSyntaxException {
    return new Scanner(src, from, line, trimmedHeredocEnds).paramEnd();
  }

  /**
   * The first of the two {@code )} closing an arithmetic {@code ((} whose inside starts at {@code
   * from}, or null when the parentheses do not close as {@code ))}: bash then reads the text as
   * nested subshells or a command substitution holding a subshell.
   */
  static End arithmeticEnd(String src, int from, int line, boolean trimmedHeredocEnds)
      throws ShellSyntaxException {
    return new Scanner(src, from, line, trimmedHeredocEnds).arithmeticEnd();
  }

  private End paramEnd() throws ShellSyntaxException {
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == '}') {
        return new End(pos, line);
      }
      if (!quotingOrExpansion(c)) {
        line += c == '\n' ? 1 : 0;
        pos++;
      }
    }
    throw new ShellSyntaxException(startLine, "a ${ is never closed");
  }

  private End arithmeticEnd() throws ShellSyntaxException {
    int depth = 0;
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == ')' && depth == 0) {
        return src.startsWith(")", pos + 1) ? new End(pos, line) : null;
      }
      if (c == '$' && src.startsWith("(", pos + 1)) {
        depth++; // a $( inside arithmetic is balanced like a parenthesis
        pos += 2;
      } else if (!quotingOrExpansion(c)) {
        depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        line += c == '\n' ? 1 : 0;
        pos++;
      }
    }
    return null;
  }

  /** Steps over a quoted part or an expansion starting at {@code c}; false when it is neither. */
  private boolean quotingOrExpansion(char c) throws ShellSyntaxException {
    switch (c) {
      case '\\' -> {
        line += src.startsWith("\n", pos + 1) ? 1 : 0;
        pos += 2;
      }
      case '\'' -> skipPast('\'');
      case '`' -> skipEscaped('`', "`");
      case '"' -> skipDouble();
      case '$' -> {
        return dollar();
      }
      case '<', '>' -> {
        if (!src.startsWith("(", pos + 1)) {
          return false;
        }
        End end = ShellParser.substitutionEnd(src, pos + 2, line, trimmedHeredocEnds);
        pos = end.close() + 1;
        line = end.line();
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  private boolean dollar() throws ShellSyntaxException {
    if (src.startsWith("{", pos + 1)) {
      End end = paramEnd(src, pos + 2, line, trimmedHeredocEnds);
      pos = end.close() + 1;
      line = end.line();
    } else if (src.startsWith("(", pos + 1)) {
      End end = substitutionEnd(src, pos, line, trimmedHeredocEnds);
      pos = end.close() + 1;
      line = end.line();
    } else if (src.startsWith("'", pos + 1)) {
      pos++;
      skipEscaped('\'', "$'");
    } else {
      return false;
    }
    return true;
  }

  /**
   * The {@code ))} or {@code )} closing a {@code $((} or {@code $(} at {@code dollar}: the closing
   * parenthesis of a command substitution, the second one of arithmetic.
   */
  static End substitutionEnd(String src, int dollar, int line, boolean trimmedHeredocEnds)
      throws ShellSyntaxException {
    if (src.startsWith("((", dollar + 1)) {
      End arith = arithmeticEnd(src, dollar + 3, line, trimmedHeredocEnds);
      if (arith != null) {
        return new End(arith.close() + 1, arith.line());
      }
      return balancedEnd(src, dollar + 2, line, trimmedHeredocEnds);
    }
    return ShellParser.substitutionEnd(src, dollar + 2, line, trimmedHeredocEnds);
  }

  /**
   * The {@code )} closing the parenthesis before {@code from}, by balancing the ones after it: the
   * end of a {@code $((} that is not arithmetic (bash keeps its text and parses it when it runs)
   * and of a {@code for ((...))} header (whose two closing parentheses need not be adjacent).
   */
  static End balancedEnd(String src, int from, int line, boolean trimmedHeredocEnds)
      throws ShellSyntaxException {
    return new Scanner(src, from, line, trimmedHeredocEnds).parenEnd();
  }

  private End parenEnd() throws ShellSyntaxException {
    int depth = 0;
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == ')' && depth == 0) {
        return new End(pos, line);
      }
      if (!quotingOrExpansion(c)) {
        depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        line += c == '\n' ? 1 : 0;
        pos++;
      }
    }
    throw new ShellSyntaxException(startLine, "a $( is never closed");
  }

  /** Steps over a part quoted by {@code close} where a backslash escapes the next character. */
  private void skipEscaped(char close, String quote) throws ShellSyntaxException {
    int at = WordParts.escapedEnd(src, pos, close);
    if (at < 0) {
      throw new ShellSyntaxException(line, "a " + quote + " quote is never closed");
    }
    line += ShellLexer.count(src.substring(pos, at), '\n');
    pos = at + 1;
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
      if (c == '"') {
        pos++;
        return;
      }
      if (c == '\\') {
        line += src.startsWith("\n", pos + 1) ? 1 : 0;
        pos += 2;
      } else if (c == '`') {
        skipEscaped('`', "`");
      } else if (c != '$' || src.startsWith("'", pos + 1) || !dollar()) {
        line += c == '\n' ? 1 : 0;
        pos++;
      }
    }
    throw new ShellSyntaxException(from, "a \" quote is never closed");
  }
}
