package kiln.world;

/**
 * Reads the parts of a word that are not plain characters: a backslash escape, {@code '...'},
 * {@code "..."}, {@code $'...'}, backticks and the {@code $} expansions, finding where each ends as
 * bash does ({@link Scanner} for {@code ${...}} and arithmetic, the parser for {@code $(...)}).
 */
final class WordParts {

  private final String src;
  private final int end;
  private final boolean trimmedHeredocEnds;
  private int pos;
  private int line;

  WordParts(String src, boolean trimmedHeredocEnds) {
    this.src = src;
    this.end = src.length();
    this.trimmedHeredocEnds = trimmedHeredocEnds;
  }

  /** Reads the part starting at {@code at} (a backslash, a quote or {@code $}) into the word. */
  void read(WordBuilder word, int at, int atLine) throws ShellSyntaxException {
    pos = at;
    line = atLine;
    switch (src.charAt(at)) {
      case '\\' -> backslash(word);
      case '\'' -> word.quoted(singleQuoted(), false);
      case '"' -> doubleQuoted(word);
      case '$' -> dollar(word, false);
      default -> word.cmdSub(escapedQuoted('`', "`"), false);
    }
  }

  /** Where the part read ends. */
  int pos() {
    return pos;
  }

  /** The line the part read ends on. */
  int line() {
    return line;
  }

  private void backslash(WordBuilder word) {
    if (pos + 1 >= end) {
      pos++;
      return;
    }
    char next = src.charAt(pos + 1);
    pos += 2;
    if (next == '\n') {
      line++;
    } else {
      word.quoted(String.valueOf(next), false);
    }
  }

  private String singleQuoted() throws ShellSyntaxException {
    int close = src.indexOf('\'', pos + 1);
    if (close < 0) {
      throw new ShellSyntaxException(line, "a ' quote is never closed");
    }
    String text = src.substring(pos + 1, close);
    line += ShellLexer.count(text, '\n');
    pos = close + 1;
    return text;
  }

  /**
   * The text of a part quoted by {@code close} where a backslash escapes the next character ({@code
   * $'...'}, backticks); {@code quote} names it in the error.
   */
  private String escapedQuoted(char close, String quote) throws ShellSyntaxException {
    int at = escapedEnd(src, pos, close);
    if (at < 0) {
      throw new ShellSyntaxException(line, "a " + quote + " quote is never closed");
    }
    String text = src.substring(pos + 1, at);
    line += ShellLexer.count(text, '\n');
    pos = at + 1;
    return text;
  }

  /** The index of the {@code close} ending a part opened at {@code open}, or -1. */
  static int escapedEnd(String src, int open, char close) {
    int i = open + 1;
    while (i < src.length() && src.charAt(i) != close) {
      i += src.charAt(i) == '\\' ? 2 : 1;
    }
    return i < src.length() ? i : -1;
  }

  private void doubleQuoted(WordBuilder word) throws ShellSyntaxException {
    int startLine = line;
    pos++;
    word.quoted("", true); // "" is a word of its own even when empty
    while (true) {
      if (pos >= end) {
        throw new ShellSyntaxException(startLine, "a \" quote is never closed");
      }
      char c = src.charAt(pos);
      if (c == '"') {
        pos++;
        return;
      }
      if (c == '\\' && pos + 1 < end && "$`\"\\\n".indexOf(src.charAt(pos + 1)) >= 0) {
        char next = src.charAt(pos + 1);
        pos += 2;
        if (next == '\n') {
          line++;
        } else {
          word.quoted(String.valueOf(next), true);
        }
      } else if (c == '$') {
        dollar(word, true);
      } else if (c == '`') {
        word.cmdSub(escapedQuoted('`', "`"), true);
      } else {
        if (c == '\n') {
          line++;
        }
        word.quoted(c);
        pos++;
      }
    }
  }

  private void dollar(WordBuilder word, boolean quoted) throws ShellSyntaxException {
    char next = pos + 1 < end ? src.charAt(pos + 1) : ' ';
    if (next == '{') {
      Scanner.End close = Scanner.paramEnd(src, pos + 2, line, trimmedHeredocEnds);
      word.param(src.substring(pos + 2, close.close()), quoted);
      line = close.line();
      pos = close.close() + 1;
    } else if (next == '(') {
      Scanner.End arith =
          src.startsWith("((", pos + 1)
              ? Scanner.arithmeticEnd(src, pos + 3, line, trimmedHeredocEnds)
              : null;
      Scanner.End close = Scanner.substitutionEnd(src, pos, line, trimmedHeredocEnds);
      if (arith != null) {
        word.arith(src.substring(pos + 3, arith.close()), quoted);
      } else {
        word.cmdSub(src.substring(pos + 2, close.close()), quoted);
      }
      line = close.line();
      pos = close.close() + 1;
    } else if (next == '\'' && !quoted) {
      pos++;
      word.quoted(AnsiC.decode(escapedQuoted('\'', "$'")), false);
    } else if (next == '"' && !quoted) {
      pos++;
      doubleQuoted(word);
    } else if (Character.isLetter(next) || next == '_') {
      int start = pos + 1;
      int stop = start;
      while (stop < end && ShellLexer.isNameChar(src.charAt(stop))) {
        stop++;
      }
      word.param(src.substring(start, stop), quoted);
      pos = stop;
    } else if (Character.isDigit(next) || "@*#?$!-".indexOf(next) >= 0) {
      word.param(String.valueOf(next), quoted);
      pos += 2;
    } else {
      word.literalOrQuoted("$", quoted);
      pos++;
    }
  }
}
