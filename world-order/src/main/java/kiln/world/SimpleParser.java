package kiln.world;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The simple commands of {@link ShellParser}: assignments, words and redirections in any order (a
 * redirection may come first), a function definition's name, and {@code coproc}.
 */
final class SimpleParser {

  private static final Set<String> DECLARATIONS =
      Set.of("export", "declare", "local", "readonly", "typeset");
  private static final Set<String> REDIRECTIONS =
      Set.of("<", ">", ">>", "<&", ">&", "&>", "<>", ">|", "<<<", "<<", "<<-");
  private static final Set<String> COMPOUND_STARTS =
      Set.of("{", "if", "for", "select", "while", "until", "case", "[[");

  private final ShellParser p;

  SimpleParser(ShellParser parser) {
    this.p = parser;
  }

  /**
   * {@code coproc [NAME] command}: a command run beside the shell, which sets nothing here. A NAME
   * comes only before a compound command; else the word is the simple command's name.
   */
  Node coproc() throws ShellSyntaxException {
    int line = p.nextToken().line();
    if (!startsCompound(p.peekToken())) {
      p.nextToken();
      if (!startsCompound(p.peekToken())) {
        simple();
        return new Node.Command(line, List.of(), List.of());
      }
    }
    p.command0();
    return new Node.Command(line, List.of(), List.of());
  }

  private static boolean startsCompound(Token t) {
    String word = t.kind() == Token.Kind.WORD ? t.word().plainText() : null;
    return t.isOp("(") || (word != null && COMPOUND_STARTS.contains(word));
  }

  Node simple() throws ShellSyntaxException {
    int line = p.peekToken().line();
    List<Node.Assign> assigns = new ArrayList<>();
    List<Word> words = new ArrayList<>();
    while (true) {
      Token t = p.peekToken();
      if (t.kind() == Token.Kind.ARRAY && (words.isEmpty() || isDeclaration(words))) {
        p.nextToken();
        Token.ArrayAssign a = t.array();
        assigns.add(new Node.Assign(t.line(), a.name(), a.append(), null, a.elements()));
      } else if (t.kind() == Token.Kind.WORD) {
        p.nextToken();
        Node.Assign assign = (words.isEmpty() || isDeclaration(words)) ? asAssign(t) : null;
        if (assign != null) {
          assigns.add(assign);
        } else {
          words.add(t.word());
          if (words.size() == 1 && assigns.isEmpty() && p.peekToken().isOp("(")) {
            return new SpecialParser(p).functionBody(t);
          }
        }
      } else if (t.kind() == Token.Kind.OP && isRedirection(t)) {
        p.skipRedirections();
      } else {
        break;
      }
    }
    return new Node.Command(line, List.copyOf(assigns), List.copyOf(words));
  }

  static boolean isRedirection(Token t) {
    return t.kind() == Token.Kind.OP && REDIRECTIONS.contains(t.op());
  }

  private static boolean isDeclaration(List<Word> words) {
    String first = words.get(0).plainText();
    return first != null && DECLARATIONS.contains(first);
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
}
