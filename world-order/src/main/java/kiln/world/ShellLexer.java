package kiln.world;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits plan.sh text into tokens the way bash would for the subset plans use: quoting ({@code
 * '...'}, {@code "..."}, {@code $'...'}, backslashes), line continuations, comments, expansions
 * kept as parts of words, {@code name=(...)} arrays over many lines, operators, and here-documents
 * (skipped). Substitutions are scanned to their end, not interpreted.
 */
final class ShellLexer {

  private static final String[] OPERATORS = {
    ";;&", "<<-", "<<<", ";;", ";&", "&&", "||", "|&", "<<", ">>", "<&", ">&", "&>", "<>", ">|",
    ";", "&", "|", "(", ")", "<", ">"
  };

  private final String src;
  private final int end;
  private int pos;
  private int line = 1;
  private final List<String> heredocs = new ArrayList<>();
  private boolean fragment;

  ShellLexer(String src) {
    this.src = src;
    this.end = src.length();
  }

  /**
   * Reads text that is one word whatever it holds (blanks and operators are literal): the word
   * after an operator inside {@code ${name:-word}}.
   */
  static Word fragment(String text, int line) throws ShellSyntaxException {
    ShellLexer lexer = new ShellLexer(text);
    lexer.fragment = true;
    lexer.line = line;
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
      } else if (isOperatorStart(c)) {
        return operator();
      } else {
        return word();
      }
    }
  }

  /**
   * Steps over a function body whose {@code {} was just read, up to its closing {@code }}, and
   * returns the body's text. Much faster than tokenizing it: bodies are half of a plan.
   */
  String skipBraceBody() throws ShellSyntaxException {
    Scanner scanner = new Scanner(src, pos, line);
    int close = scanner.matchingCurly();
    String body = src.substring(pos, close);
    line = scanner.line();
    pos = close + 1;
    return body;
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
          heredocs.add(heredocDelimiter());
        }
        return Token.op(op, at);
      }
    }
    throw new IllegalStateException("not an operator at " + pos);
  }

  /** Reads the delimiter word after {@code <<}; quotes only stop expansion, so drop them. */
  private String heredocDelimiter() throws ShellSyntaxException {
    skipBlanks();
    Token token = word();
    return token.text().replace("'", "").replace("\"", "").replace("\\", "");
  }

  /**
   * Skips here-document bodies that start after this line end. A line equal to the delimiter once
   * trimmed ends one (bash wants it exact; plans indent it, bash then reads on to the end).
   */
  private void skipHeredocBodies() {
    for (String delimiter : heredocs) {
      while (pos < end) {
        int eol = src.indexOf('\n', pos);
        int lineEnd = eol < 0 ? end : eol;
        String text = src.substring(pos, lineEnd).strip();
        pos = eol < 0 ? end : eol + 1;
        line++;
        if (text.equals(delimiter)) {
          break;
        }
      }
    }
    heredocs.clear();
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
        case '`' -> word.cmdSub(backticks(), false);
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
        word.cmdSub(backticks(), true);
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
      int close = new Scanner(src, pos + 2, line).matchingBrace();
      word.param(src.substring(pos + 2, close), quoted);
      line += count(src.substring(pos, close), '\n');
      pos = close + 1;
    } else if (next == '(') {
      boolean arith = pos + 2 < end && src.charAt(pos + 2) == '(';
      Scanner scanner = new Scanner(src, pos + 2, line);
      int close = scanner.matchingParen();
      String inside = src.substring(pos + 2, close);
      line = scanner.line();
      pos = close + 1;
      if (arith && inside.endsWith(")")) {
        word.arith(inside.substring(1, inside.length() - 1), quoted);
      } else {
        word.cmdSub(inside, quoted);
      }
    } else if (next == '\'' && !quoted) {
      pos++;
      word.quoted(AnsiC.decode(singleQuoted()), false);
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

  private String backticks() throws ShellSyntaxException {
    int close = pos + 1;
    while (close < end && src.charAt(close) != '`') {
      close += src.charAt(close) == '\\' ? 2 : 1;
    }
    if (close >= end) {
      throw new ShellSyntaxException(line, "a ` quote is never closed");
    }
    String text = src.substring(pos + 1, close);
    line += count(text, '\n');
    pos = close + 1;
    return text;
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
