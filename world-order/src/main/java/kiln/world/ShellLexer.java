package kiln.world;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits shell text into tokens as bash does: quoting ({@code '...'}, {@code "..."}, {@code
 * $'...'}, backslashes), line continuations, comments, expansions kept as parts of words ({@code
 * $(...)} and {@code <(...)} parsed to find their end, arithmetic scanned), {@code name=(...)}
 * arrays over many lines, operators, and here-documents (their bodies skipped).
 */
final class ShellLexer {

  private static final String[] OPERATORS = {
    ";;&", "<<-", "<<<", ";;", ";&", "&&", "||", "|&", "<<", ">>", "<&", ">&", "&>", "<>", ">|",
    ";", "&", "|", "(", ")", "<", ">"
  };

  private final String src;
  private final int end;
  private int pos;
  private int line;
  private final Heredocs heredocs;
  private boolean fragment;

  /**
   * A lexer from {@code pos} of {@code src}.
   *
   * @param trimmedHeredocEnds also end a here-document at its delimiter indented (see {@link
   *     Heredocs})
   * @param inSubstitution the text is the inside of a {@code $(...)}, which ends at a {@code )}
   */
  ShellLexer(String src, int pos, int line, boolean trimmedHeredocEnds, boolean inSubstitution) {
    this.src = src;
    this.end = src.length();
    this.pos = pos;
    this.line = line;
    this.heredocs = new Heredocs(trimmedHeredocEnds, inSubstitution);
  }

  ShellLexer(String src) {
    this(src, 0, 1, false, false);
  }

  int pos() {
    return pos;
  }

  int line() {
    return line;
  }

  boolean trimmedHeredocEnds() {
    return heredocs.trimmedEnds();
  }

  /**
   * Reads text that is one word whatever it holds (blanks and operators are literal): the word
   * after an operator inside {@code ${name:-word}}.
   */
  static Word fragment(String text, int line) throws ShellSyntaxException {
    ShellLexer lexer = new ShellLexer(text, 0, line, false, false);
    lexer.fragment = true;
    if (text.isEmpty()) {
      return new Word(List.of(), line, "");
    }
    return lexer.word().word();
  }

  Token next() throws ShellSyntaxException {
    while (true) {
      skipBlanks();
      if (pos >= end) {
        return new Token(Token.Kind.EOF, null, null, null, line);
      }
      char c = src.charAt(pos);
      if (c == '#') {
        skipComment();
      } else if (c == '\n') {
        pos++;
        int at = line++;
        skipHeredocBodies();
        return new Token(Token.Kind.NEWLINE, null, null, null, at);
      } else if (isOperatorStart(c) && !startsProcessSubstitution(pos)) {
        return operator();
      } else {
        return word();
      }
    }
  }

  /**
   * Reads an arithmetic command or {@code for} header when the {@code (} just read is followed by
   * another: the text up to the matching {@code ))}, or null (and nothing read) when the
   * parentheses do not close so, where bash reads nested subshells instead.
   */
  String arithmetic() throws ShellSyntaxException {
    if (!src.startsWith("(", pos)) {
      return null;
    }
    Scanner.End close = Scanner.arithmeticEnd(src, pos + 1, line, heredocs.trimmedEnds());
    if (close == null) {
      return null;
    }
    String text = src.substring(pos + 1, close.close());
    line = close.line();
    pos = close.close() + 2;
    return text;
  }

  private void skipBlanks() {
    while (pos < end) {
      char c = src.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\r') {
        pos++;
      } else if (c == '\\' && pos + 1 < end && src.charAt(pos + 1) == '\n') {
        pos += 2;
        line++;
      } else {
        return;
      }
    }
  }

  private void skipComment() {
    while (pos < end && src.charAt(pos) != '\n') {
      pos++;
    }
  }

  private static boolean isOperatorStart(char c) {
    return c == ';' || c == '&' || c == '|' || c == '(' || c == ')' || c == '<' || c == '>';
  }

  private Token operator() throws ShellSyntaxException {
    for (String op : OPERATORS) {
      if (src.startsWith(op, pos)) {
        pos += op.length();
        int at = line;
        if (op.equals("<<") || op.equals("<<-")) {
          skipBlanks();
          heredocs.open(word().text(), op.equals("<<-"));
        }
        return Token.op(op, at);
      }
    }
    throw new IllegalStateException("not an operator at " + pos);
  }

  private void skipHeredocBodies() {
    if (!heredocs.isEmpty()) {
      Heredocs.Skipped skipped = heredocs.skipBodies(src, pos);
      pos = skipped.pos();
      line += skipped.lines();
    }
  }

  private boolean startsProcessSubstitution(int at) {
    char c = src.charAt(at);
    return (c == '<' || c == '>') && src.startsWith("(", at + 1);
  }

  private Token word() throws ShellSyntaxException {
    WordBuilder word = new WordBuilder(src, pos, line);
    while (pos < end) {
      char c = src.charAt(pos);
      if (fragment && " \t\n\r;&|()<>".indexOf(c) >= 0) {
        word.literal(c);
        line += c == '\n' ? 1 : 0;
        pos++;
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ')') {
        break;
      }
      if (startsProcessSubstitution(pos)) {
        Scanner.End close = ShellParser.substitutionEnd(src, pos + 2, line, trimmedHeredocEnds());
        word.processSub(src.substring(pos, close.close() + 1));
        line = close.line();
        pos = close.close() + 1;
        continue;
      }
      if (isOperatorStart(c)) {
        String name = word.assignmentName();
        if (c == '(' && name != null) {
          return arrayAssignment(word, name);
        }
        break;
      }
      switch (c) {
        case '\\' -> backslash(word);
        case '\'' -> word.quoted(singleQuoted(), false);
        case '"' -> doubleQuoted(word);
        case '$' -> dollar(word, false);
        case '`' -> word.cmdSub(escapedQuoted('`', "`"), false);
        default -> {
          word.literal(c);
          pos++;
        }
      }
    }
    if (word.isEmpty()) {
      throw new ShellSyntaxException(line, "unexpected '" + src.charAt(pos) + "'");
    }
    return Token.word(word.build(pos));
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

  private Token arrayAssignment(WordBuilder word, String name) throws ShellSyntaxException {
    int at = word.line();
    boolean append = name.endsWith("+");
    pos++; // the '('
    List<Word> elements = new ArrayList<>();
    while (true) {
      skipBlanks();
      if (pos >= end) {
        throw new ShellSyntaxException(at, "array " + name + "=( is never closed");
      }
      char c = src.charAt(pos);
      if (c == ')') {
        pos++;
        break;
      } else if (c == '\n') {
        pos++;
        line++;
      } else if (c == '#') {
        skipComment();
      } else {
        Token element = word();
        elements.add(element.word());
      }
    }
    String bare = append ? name.substring(0, name.length() - 1) : name;
    return new Token(
        Token.Kind.ARRAY, null, null, new Token.ArrayAssign(bare, append, elements), at);
  }

  private String singleQuoted() throws ShellSyntaxException {
    int close = src.indexOf('\'', pos + 1);
    if (close < 0) {
      throw new ShellSyntaxException(line, "a ' quote is never closed");
    }
    String text = src.substring(pos + 1, close);
    line += count(text, '\n');
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
    line += count(text, '\n');
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
      Scanner.End close = Scanner.paramEnd(src, pos + 2, line, trimmedHeredocEnds());
      word.param(src.substring(pos + 2, close.close()), quoted);
      line = close.line();
      pos = close.close() + 1;
    } else if (next == '(') {
      Scanner.End arith =
          src.startsWith("((", pos + 1)
              ? Scanner.arithmeticEnd(src, pos + 3, line, trimmedHeredocEnds())
              : null;
      Scanner.End close = Scanner.substitutionEnd(src, pos, line, trimmedHeredocEnds());
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
      while (stop < end && isNameChar(src.charAt(stop))) {
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

  static boolean isNameChar(char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  static int count(String text, char c) {
    int n = 0;
    for (int i = text.indexOf(c); i >= 0; i = text.indexOf(c, i + 1)) {
      n++;
    }
    return n;
  }
}
