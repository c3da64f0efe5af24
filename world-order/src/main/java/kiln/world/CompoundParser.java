package kiln.world;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The compound commands of {@link ShellParser}: {@code if}, {@code for}, loops, {@code case}. */
final class CompoundParser {

  private final ShellParser p;

  CompoundParser(ShellParser parser) {
    this.p = parser;
  }

  Node ifClause() throws ShellSyntaxException {
    int line = p.nextToken().line();
    List<Node.Block> conditions = new ArrayList<>();
    List<Node.Block> bodies = new ArrayList<>();
    Node.Block otherwise = null;
    conditions.add(p.listUntil(Set.of("then")));
    p.expectWord("then");
    bodies.add(p.listUntil(Set.of("elif", "else", "fi")));
    while (true) {
      Token t = p.nextToken();
      if (t.isWord("elif")) {
        conditions.add(p.listUntil(Set.of("then")));
        p.expectWord("then");
        bodies.add(p.listUntil(Set.of("elif", "else", "fi")));
      } else if (t.isWord("else")) {
        otherwise = p.listUntil(Set.of("fi"));
        p.expectWord("fi");
        break;
      } else if (t.isWord("fi")) {
        break;
      } else {
        throw new ShellSyntaxException(line, "this if is never closed with fi");
      }
    }
    return new Node.If(line, List.copyOf(conditions), List.copyOf(bodies), otherwise);
  }

  Node forClause() throws ShellSyntaxException {
    int line = p.nextToken().line();
    Token name = p.nextToken();
    if (name.isOp("(")) {
      p.forArithmetic();
      return new Node.Loop(line, doBody(line));
    }
    List<Word> items = null;
    p.skipNewlines();
    if (p.peekToken().isWord("in")) {
      p.nextToken();
      items = new ArrayList<>();
      while (p.peekToken().kind() == Token.Kind.WORD) {
        items.add(p.nextToken().word());
      }
    }
    return new Node.For(line, name.text(), items, doBody(line));
  }

  Node whileClause() throws ShellSyntaxException {
    int line = p.nextToken().line();
    p.listUntil(Set.of("do"));
    return new Node.Loop(line, doBody(line));
  }

  private Node.Block doBody(int line) throws ShellSyntaxException {
    p.skipSeparators();
    if (p.peekToken().isWord("{")) { // the old for ... { ...; } form
      Node group = p.command0();
      return new Node.Block(line, List.of(group));
    }
    p.expectWord("do");
    Node.Block body = p.listUntil(Set.of("done"));
    p.expectWord("done");
    return body;
  }

  Node caseClause() throws ShellSyntaxException {
    int line = p.nextToken().line();
    Token subject = p.nextToken();
    if (subject.kind() != Token.Kind.WORD) {
      throw ShellParser.unexpected(subject);
    }
    p.skipNewlines();
    p.expectWord("in");
    List<Node.CaseArm> arms = new ArrayList<>();
    while (true) {
      p.skipSeparators();
      Token t = p.peekToken();
      if (t.isWord("esac")) {
        p.nextToken();
        break;
      }
      if (t.kind() == Token.Kind.EOF) {
        throw new ShellSyntaxException(line, "this case is never closed with esac");
      }
      arms.add(arm());
    }
    return new Node.Case(line, subject.word(), List.copyOf(arms));
  }

  private Node.CaseArm arm() throws ShellSyntaxException {
    if (p.peekToken().isOp("(")) {
      p.nextToken();
    }
    List<Word> patterns = new ArrayList<>();
    while (true) {
      Token t = p.nextToken();
      if (t.kind() != Token.Kind.WORD) {
        throw ShellParser.unexpected(t);
      }
      patterns.add(t.word());
      Token sep = p.nextToken();
      if (sep.isOp(")")) {
        break;
      }
      if (!sep.isOp("|")) {
        throw ShellParser.unexpected(sep);
      }
    }
    Node.Block body = p.listUntil(Set.of("esac"));
    Token end = p.peekToken();
    if (end.isOp(";;") || end.isOp(";&") || end.isOp(";;&")) {
      p.nextToken();
    }
    return new Node.CaseArm(List.copyOf(patterns), body);
  }
}
