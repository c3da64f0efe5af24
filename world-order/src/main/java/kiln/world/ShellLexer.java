package kiln.world;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits shell text into tokens as bash does: words (their quoting and expansions read by {@link
 * WordParts}, {@code <(...)} parsed to find its end), line continuations, comments, {@code
 * name=(...)} arrays over many lines, operators, arithmetic commands, and here-documents (their
 * bodies skipped by {@link Heredocs}).
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
  private final WordParts parts;
  private boolean fragment;
  private boolean conditional;

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
    this.parts = new WordParts(src, trimmedHeredocEnds);
  }

  ShellLexer(String src) {
    this(src, 0, 1, false, false);
  }

  /**
   * Inside {@code [[ ... ]]} a {@code #} right after an operator ({@code &&#x}) starts a word, not
   * a comment, as bash reads it.
   */
  void conditional(boolean inside) {
    conditional = inside;
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
      if (c == '#' && (!conditional || pos == 0 || " \t\n".indexOf(src.charAt(pos - 1)) >= 0)) {
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

  /**
   * Reads the rest of a {@code for ((...))} header whose first {@code (} was just read, up to the
   * {@code )} that balances it.
   */
  String forArithmetic() throws ShellSyntaxException {
    Scanner.End close = Scanner.balancedEnd(src, pos, line, heredocs.trimmedEnds());
    String text = src.substring(pos, close.close());
    line = close.line();
    pos = close.close() + 1;
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
      if ("\\'\"$`".indexOf(c) >= 0) {
        parts.read(word, pos, line);
        pos = parts.pos();
        line = parts.line();
      } else {
        word.literal(c);
        pos++;
      }
    }
    if (word.isEmpty()) {
      throw new ShellSyntaxException(line, "unexpected '" + src.charAt(pos) + "'");
    }
    return Token.word(word.build(pos));
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
