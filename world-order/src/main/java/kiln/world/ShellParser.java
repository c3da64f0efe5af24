package kiln.world;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses shell text into {@link Node}s: command lists, and-or lists, pipelines, {@code if}, {@code
 * case}, {@code for}, loops, groups, arithmetic commands, functions and assignments. It accepts
 * what {@code bash -n} accepts (the grammar is bash's, down to where a {@code $(...)} ends); the
 * {@link Interpreter} then evaluates only what sourcing a plan runs.
 */
final class ShellParser {

  private static final Set<String> RESERVED =
      Set.of("then", "elif", "else", "fi", "do", "done", "esac", "}");

  private final ShellLexer lexer;
  private Token peeked;
  private int commandLine;

  ShellParser(String src) {
    this(new ShellLexer(src));
  }

  /** A parser of the text from {@code pos}, which is the start of line {@code line}. */
  static ShellParser from(String src, int pos, int line) {
    return new ShellParser(new ShellLexer(src, pos, line, false, false));
  }

  /**
   * Parses the top-level commands into {@code done} one by one, so that the ones before a syntax
   * error are kept; {@link #commandLine()} is then the line the failing command starts on.
   */
  void parseInto(List<Node> done) throws ShellSyntaxException {
    while (true) {
      Token t = peek();
      if (t.kind() == Token.Kind.EOF) {
        return;
      }
      if (t.isSeparator()) {
        next();
        continue;
      }
      commandLine = t.line();
      done.add(andOr());
    }
  }

  int commandLine() {
    return commandLine;
  }

  /** A parser that also ends here-documents at indented delimiters (see {@link Heredocs}). */
  static ShellParser lenient(String src) {
    return new ShellParser(new ShellLexer(src, 0, 1, true, false));
  }

  private ShellParser(ShellLexer lexer) {
    this.lexer = lexer;
  }

  /**
   * Where the {@code $(...)} (or {@code <(...)}) whose inside starts at {@code from} ends: bash
   * parses the inside as a command list, so a {@code case} pattern's {@code )} or a here-document
   * inside does not end it.
   */
  static Scanner.End substitutionEnd(String src, int from, int line, boolean trimmedHeredocEnds)
      throws ShellSyntaxException {
    ShellParser inside = new ShellParser(new ShellLexer(src, from, line, trimmedHeredocEnds, true));
    inside.list(Set.of());
    Token close = inside.next();
    if (close.kind() == Token.Kind.EOF) {
      throw new ShellSyntaxException(line, "a $( is never closed");
    }
    if (!close.isOp(")")) {
      throw unexpected(close);
    }
    return new Scanner.End(inside.lexer.pos() - 1, close.line());
  }

  Node.Block parse() throws ShellSyntaxException {
    Node.Block block = list(Set.of());
    Token t = peek();
    if (t.kind() != Token.Kind.EOF) {
      throw unexpected(t);
    }
    return block;
  }

  private Token peek() throws ShellSyntaxException {
    if (peeked == null) {
      peeked = lexer.next();
    }
    return peeked;
  }

  private Token next() throws ShellSyntaxException {
    Token t = peek();
    peeked = null;
    return t;
  }

  private Node.Block list(Set<String> stops) throws ShellSyntaxException {
    int line = peek().line();
    List<Node> nodes = new ArrayList<>();
    while (true) {
      Token t = peek();
      if (t.isSeparator()) {
        next();
        continue;
      }
      if (t.kind() == Token.Kind.EOF || t.isOp(")") || t.isOp(";;") || t.isOp(";&")) {
        break;
      }
      if (t.isOp(";;&") || (t.kind() == Token.Kind.WORD && isStop(t, stops))) {
        break;
      }
      nodes.add(andOr());
    }
    return new Node.Block(line, List.copyOf(nodes));
  }

  private static boolean isStop(Token t, Set<String> stops) {
    String text = t.word().plainText();
    return text != null && stops.contains(text);
  }

  private Node andOr() throws ShellSyntaxException {
    Node first = pipeline();
    if (!peek().isOp("&&") && !peek().isOp("||")) {
      return first;
    }
    List<Node> items = new ArrayList<>(List.of(first));
    List<String> ops = new ArrayList<>();
    while (peek().isOp("&&") || peek().isOp("||")) {
      ops.add(next().op());
      skipNewlines();
      items.add(pipeline());
    }
    return new Node.AndOr(first.line(), items, ops);
  }

  private Node pipeline() throws ShellSyntaxException {
    boolean negate = false;
    while (peek().isWord("!") || peek().isWord("time")) {
      negate ^= next().isWord("!");
      if (peek().isWord("-p")) {
        next();
      }
    }
    Node first = command();
    skipRedirections();
    if (peek().isOp("|") || peek().isOp("|&")) {
      List<Node> commands = new ArrayList<>(List.of(first));
      while (peek().isOp("|") || peek().isOp("|&")) {
        next();
        skipNewlines();
        commands.add(command());
        skipRedirections();
      }
      first = new Node.Pipeline(first.line(), commands);
    }
    return negate ? new Node.Not(first.line(), first) : first;
  }

  private Node command() throws ShellSyntaxException {
    Token t = peek();
    if (t.isOp("(")) {
      next();
      String arithmetic = lexer.arithmetic();
      if (arithmetic != null) {
        return new Node.Arith(t.line(), arithmetic);
      }
      Node.Block body = list(Set.of());
      expectOp(")");
      return new Node.Group(t.line(), body, true);
    }
    String reserved = t.kind() == Token.Kind.WORD ? t.word().plainText() : null;
    if (reserved != null) {
      switch (reserved) {
        case "if":
          return new CompoundParser(this).ifClause();
        case "for", "select":
          return new CompoundParser(this).forClause();
        case "coproc":
          return new SimpleParser(this).coproc();
        case "while", "until":
          return new CompoundParser(this).whileClause();
        case "case":
          return new CompoundParser(this).caseClause();
        case "{":
          next();
          Node.Block body = list(Set.of("}"));
          expectWord("}");
          return new Node.Group(t.line(), body, false);
        case "[[":
          return new SpecialParser(this).cond();
        case "function":
          return new SpecialParser(this).functionKeyword();
        default:
          if (RESERVED.contains(reserved)) {
            throw unexpected(t);
          }
      }
    }
    boolean redirection = t.kind() == Token.Kind.OP && SimpleParser.isRedirection(t);
    if (t.kind() != Token.Kind.WORD && t.kind() != Token.Kind.ARRAY && !redirection) {
      throw unexpected(t);
    }
    return new SimpleParser(this).simple();
  }

  /** Redirections after a compound command ({@code done < file}) do not change what it sets. */
  void skipRedirections() throws ShellSyntaxException {
    while (peek().kind() == Token.Kind.OP && SimpleParser.isRedirection(peek())) {
      Token op = next();
      boolean heredoc = op.isOp("<<") || op.isOp("<<-"); // the lexer took its delimiter
      if (!heredoc && peek().kind() == Token.Kind.WORD) {
        next();
      }
    }
  }

  void skipNewlines() throws ShellSyntaxException {
    while (peek().kind() == Token.Kind.NEWLINE) {
      next();
    }
  }

  void skipSeparators() throws ShellSyntaxException {
    while (peek().isSeparator()) {
      next();
    }
  }

  Token expectWord(String word) throws ShellSyntaxException {
    skipSeparators();
    Token t = next();
    if (!t.isWord(word)) {
      throw new ShellSyntaxException(t.line(), "expected '" + word + "' but found " + quote(t));
    }
    return t;
  }

  void expectOpToken(String op) throws ShellSyntaxException {
    expectOp(op);
  }

  private void expectOp(String op) throws ShellSyntaxException {
    Token t = next();
    if (!t.isOp(op)) {
      throw new ShellSyntaxException(t.line(), "expected '" + op + "' but found " + quote(t));
    }
  }

  /** Reads the rest of a {@code for ((...))} header whose first {@code (} was just read. */
  String forArithmetic() throws ShellSyntaxException {
    if (peeked != null) {
      throw new IllegalStateException("a token was read past the (");
    }
    return lexer.forArithmetic();
  }

  /** See {@link ShellLexer#conditional}; no token may be read ahead when it changes. */
  void conditional(boolean inside) {
    if (peeked != null) {
      throw new IllegalStateException("a token was read ahead");
    }
    lexer.conditional(inside);
  }

  Node command0() throws ShellSyntaxException {
    return command();
  }

  Token peekToken() throws ShellSyntaxException {
    return peek();
  }

  Token nextToken() throws ShellSyntaxException {
    return next();
  }

  Node.Block listUntil(Set<String> stops) throws ShellSyntaxException {
    return list(stops);
  }

  static ShellSyntaxException unexpected(Token t) {
    return new ShellSyntaxException(t.line(), "unexpected " + quote(t));
  }

  private static String quote(Token t) {
    return t.kind() == Token.Kind.NEWLINE || t.kind() == Token.Kind.EOF
        ? t.text()
        : "'" + t.text() + "'";
  }
}
