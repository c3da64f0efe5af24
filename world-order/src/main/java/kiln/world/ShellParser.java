package kiln.world;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses plan.sh into {@link Node}s: command lists, and-or lists, pipelines, {@code if}, {@code
 * case}, {@code for}, groups and assignments. Function bodies are stepped over token by token
 * (sourcing a plan does not run them, and they hold the most varied bash).
 */
final class ShellParser {

  private static final Set<String> RESERVED =
      Set.of("then", "elif", "else", "fi", "do", "done", "esac", "}");
  private static final Set<String> DECLARATIONS =
      Set.of("export", "declare", "local", "readonly", "typeset");
  private static final Set<String> REDIRECTIONS =
      Set.of("<", ">", ">>", "<&", ">&", "&>", "<>", ">|", "<<<");

  private final ShellLexer lexer;
  private Token peeked;

  ShellParser(String src) {
    this.lexer = new ShellLexer(src);
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
    if (peek().isWord("!")) {
      next();
      negate = true;
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
      Node.Block body = list(Set.of());
      expectOp(")");
      return new Node.Group(t.line(), body, true);
    }
    String reserved = t.kind() == Token.Kind.WORD ? t.word().plainText() : null;
    if (reserved != null) {
      switch (reserved) {
        case "if":
          return new CompoundParser(this).ifClause();
        case "for":
          return new CompoundParser(this).forClause();
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
          return cond();
        case "function":
          return functionKeyword();
        default:
          if (RESERVED.contains(reserved)) {
            throw unexpected(t);
          }
      }
    }
    if (t.kind() != Token.Kind.WORD && t.kind() != Token.Kind.ARRAY) {
      throw unexpected(t);
    }
    return simple();
  }

  private Node simple() throws ShellSyntaxException {
    int line = peek().line();
    List<Node.Assign> assigns = new ArrayList<>();
    List<Word> words = new ArrayList<>();
    while (true) {
      Token t = peek();
      if (t.kind() == Token.Kind.ARRAY && (words.isEmpty() || isDeclaration(words))) {
        next();
        Token.ArrayAssign a = t.array();
        assigns.add(new Node.Assign(t.line(), a.name(), a.append(), null, a.elements()));
      } else if (t.kind() == Token.Kind.WORD) {
        next();
        Node.Assign assign = (words.isEmpty() || isDeclaration(words)) ? asAssign(t) : null;
        if (assign != null) {
          assigns.add(assign);
        } else {
          words.add(t.word());
          if (words.size() == 1 && assigns.isEmpty() && peek().isOp("(")) {
            return functionBody(t);
          }
        }
      } else if (t.kind() == Token.Kind.OP && REDIRECTIONS.contains(t.op())) {
        next();
        if (peek().kind() == Token.Kind.WORD) {
          next();
        }
      } else if (t.isOp("<<") || t.isOp("<<-")) {
        next();
      } else {
        break;
      }
    }
    return new Node.Command(line, List.copyOf(assigns), List.copyOf(words));
  }

  private static boolean isDeclaration(List<Word> words) {
    return DECLARATIONS.contains(words.get(0).plainText());
  }

  /** {@code name=value}, {@code name+=value}: a word whose unquoted start names a variable. */
  private static Node.Assign asAssign(Token t) {
    Word word = t.word();
    if (word.parts().isEmpty() || !(word.parts().get(0) instanceof Word.Lit lit) || lit.quoted()) {
      return null;
    }
    int eq = lit.text().indexOf('=');
    if (eq <= 0) {
      return null;
    }
    boolean append = lit.text().charAt(eq - 1) == '+';
    String name = lit.text().substring(0, append ? eq - 1 : eq);
    if (!WordBuilder.isName(name)) {
      return null;
    }
    List<Word.Part> rest = new ArrayList<>();
    String after = lit.text().substring(eq + 1);
    if (!after.isEmpty()) {
      rest.add(new Word.Lit(after, false));
    }
    rest.addAll(word.parts().subList(1, word.parts().size()));
    String raw = word.raw().substring(Math.min(word.raw().length(), word.raw().indexOf('=') + 1));
    return new Node.Assign(t.line(), name, append, new Word(rest, word.line(), raw), null);
  }

  private Node cond() throws ShellSyntaxException {
    Token open = next();
    List<Token> tokens = new ArrayList<>();
    while (!peek().isWord("]]")) {
      Token t = next();
      if (t.kind() == Token.Kind.EOF) {
        throw new ShellSyntaxException(open.line(), "a [[ is never closed with ]]");
      }
      if (t.kind() != Token.Kind.NEWLINE) {
        tokens.add(t);
      }
      if (t.isWord("=~")) {
        tokens.add(regex(t.line()));
      }
    }
    next();
    return new Node.Cond(open.line(), List.copyOf(tokens));
  }

  /**
   * The right side of {@code =~}: bash reads it as one word even with parentheses and bars in it,
   * so glue the tokens up to {@code ]]}, {@code &&} or {@code ||} back together.
   */
  private Token regex(int line) throws ShellSyntaxException {
    StringBuilder text = new StringBuilder();
    int depth = 0;
    while (true) {
      Token t = peek();
      boolean end =
          t.isWord("]]")
              || t.kind() == Token.Kind.EOF
              || t.kind() == Token.Kind.NEWLINE
              || (depth == 0 && (t.isOp("&&") || t.isOp("||") || t.isOp(")")));
      if (end) {
        break;
      }
      depth += t.isOp("(") ? 1 : t.isOp(")") ? -1 : 0;
      text.append(next().text());
    }
    return Token.word(ShellLexer.fragment(text.toString(), line));
  }

  private Node functionKeyword() throws ShellSyntaxException {
    next();
    Token name = next();
    if (name.kind() != Token.Kind.WORD) {
      throw unexpected(name);
    }
    if (!peek().isOp("(")) {
      skipNewlines();
      return new Node.Function(name.line(), name.word().raw(), skipBody(name));
    }
    return functionBody(name);
  }

  private Node functionBody(Token name) throws ShellSyntaxException {
    expectOp("(");
    expectOp(")");
    skipNewlines();
    return new Node.Function(name.line(), name.word().raw(), skipBody(name));
  }

  /**
   * Steps over a function body: a balanced {@code { }} or {@code ( )}, else one command. Returns
   * whether the body assigns a setting that decides the plan's identity or dependencies, so a call
   * of it can be flagged.
   */
  private boolean skipBody(Token name) throws ShellSyntaxException {
    Token open = peek();
    if (open.isWord("{")) {
      next();
      return Tracked.mentioned(lexer.skipBraceBody());
    }
    if (!open.isOp("(")) {
      return Tracked.touches(command());
    }
    next();
    boolean tracked = false;
    int depth = 1;
    while (depth > 0) {
      Token t = next();
      if (t.kind() == Token.Kind.EOF) {
        throw new ShellSyntaxException(
            name.line(), "the body of function " + name.text() + " is never closed");
      }
      tracked |= Tracked.assigns(t);
      if (t.isOp("(")) {
        depth++;
      } else if (t.isOp(")")) {
        depth--;
      }
    }
    return tracked;
  }

  /** Redirections after a compound command ({@code done < file}) do not change what it sets. */
  private void skipRedirections() throws ShellSyntaxException {
    while (true) {
      Token t = peek();
      if (t.kind() == Token.Kind.OP && REDIRECTIONS.contains(t.op())) {
        next();
        if (peek().kind() == Token.Kind.WORD) {
          next();
        }
      } else if (t.isOp("<<") || t.isOp("<<-")) {
        next();
      } else {
        return;
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

  private void expectOp(String op) throws ShellSyntaxException {
    Token t = next();
    if (!t.isOp(op)) {
      throw new ShellSyntaxException(t.line(), "expected '" + op + "' but found " + quote(t));
    }
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
