package kiln.world;

import java.util.ArrayList;
import java.util.List;

/**
 * The parts of {@link ShellParser} with rules of their own: {@code [[ ... ]]} (whose {@code =~}
 * right side is one word) and function definitions (whose bodies are parsed, never run).
 */
final class SpecialParser {

  private final ShellParser p;

  SpecialParser(ShellParser parser) {
    this.p = parser;
  }

  Node cond() throws ShellSyntaxException {
    Token open = p.nextToken();
    p.conditional(true);
    List<Token> tokens = new ArrayList<>();
    while (!p.peekToken().isWord("]]")) {
      Token t = p.nextToken();
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
    p.nextToken();
    p.conditional(false);
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
      Token t = p.peekToken();
      boolean end =
          t.isWord("]]")
              || t.kind() == Token.Kind.EOF
              || t.kind() == Token.Kind.NEWLINE
              || (depth == 0 && (t.isOp("&&") || t.isOp("||") || t.isOp(")")));
      if (end) {
        break;
      }
      depth += t.isOp("(") ? 1 : t.isOp(")") ? -1 : 0;
      text.append(p.nextToken().text());
    }
    return Token.word(ShellLexer.fragment(text.toString(), line));
  }

  Node functionKeyword() throws ShellSyntaxException {
    p.nextToken();
    Token name = p.nextToken();
    if (name.kind() != Token.Kind.WORD) {
      throw ShellParser.unexpected(name);
    }
    if (!p.peekToken().isOp("(")) {
      p.skipNewlines();
      return new Node.Function(name.line(), name.word().raw(), skipBody(name));
    }
    return functionBody(name);
  }

  Node functionBody(Token name) throws ShellSyntaxException {
    p.expectOpToken("(");
    p.expectOpToken(")");
    p.skipNewlines();
    return new Node.Function(name.line(), name.word().raw(), skipBody(name));
  }

  /**
   * Reads a function body (any compound command, then redirections) without running it. Returns
   * whether the body assigns a setting that decides the plan's identity or dependencies, so a call
   * of it can be flagged.
   */
  private boolean skipBody(Token name) throws ShellSyntaxException {
    if (p.peekToken().kind() == Token.Kind.EOF) {
      throw new ShellSyntaxException(
          name.line(), "the body of function " + name.text() + " is never written");
    }
    Node body = p.command0();
    p.skipRedirections();
    return Tracked.touches(body);
  }
}
