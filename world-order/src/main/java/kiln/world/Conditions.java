package kiln.world;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Evaluates {@code [[ ... ]]}, {@code [ ... ]} and {@code test ...}: string and pattern
 * comparisons, {@code =~}, integer comparisons, {@code -z}/{@code -n}, file tests (relative to the
 * plan's directory), {@code !}, {@code &&}/{@code ||} ({@code -a}/{@code -o}) and parentheses.
 */
final class Conditions {

  private final Scope scope;
  private final Expander expander;
  private final List<Object> items = new ArrayList<>();
  private final boolean doubleBracket;
  private int pos;
  private boolean inexact;

  private Conditions(Scope scope, Expander expander, boolean doubleBracket) {
    this.scope = scope;
    this.expander = expander;
    this.doubleBracket = doubleBracket;
  }

  /** {@code [[ tokens ]]}. */
  static Status doubleBracket(List<Token> tokens, Scope scope, Expander expander) {
    Conditions c = new Conditions(scope, expander, true);
    for (Token t : tokens) {
      c.items.add(t.kind() == Token.Kind.OP ? t.op() : t.word());
    }
    return c.evaluate();
  }

  /** {@code test args} or {@code [ args ]} (the closing bracket already removed). */
  static Status test(List<Word> args, Scope scope, Expander expander) {
    Conditions c = new Conditions(scope, expander, false);
    for (Word w : args) {
      String plain = w.plainText();
      if ("-a".equals(plain)) {
        c.items.add("&&");
      } else if ("-o".equals(plain)) {
        c.items.add("||");
      } else if (w.raw().equals("\\(") || w.raw().equals("\\)")) {
        c.items.add(w.raw().substring(1));
      } else {
        c.items.add(w);
      }
    }
    return c.evaluate();
  }

  private Status evaluate() {
    if (items.isEmpty()) {
      return Status.FALSE;
    }
    Status s = or();
    return pos == items.size() && !inexact ? s : Status.UNKNOWN;
  }

  private Status or() {
    Status s = and();
    while (at("||")) {
      pos++;
      Status left = s;
      Status right = and();
      s = left.or(() -> right);
    }
    return s;
  }

  private Status and() {
    Status s = unary();
    while (at("&&")) {
      pos++;
      Status left = s;
      Status right = unary();
      s = left.and(() -> right);
    }
    return s;
  }

  private Status unary() {
    if (pos >= items.size()) {
      return Status.UNKNOWN;
    }
    if (isWord(pos, "!")) {
      pos++;
      return unary().not();
    }
    if (at("(")) {
      pos++;
      Status s = or();
      if (!at(")")) {
        return Status.UNKNOWN;
      }
      pos++;
      return s;
    }
    return primary();
  }

  private Status primary() {
    Object first = items.get(pos);
    String binary = pos + 1 < items.size() ? operator(items.get(pos + 1)) : null;
    if (binary != null && pos + 2 < items.size() && items.get(pos + 2) instanceof Word right) {
      if (!(first instanceof Word left)) {
        return Status.UNKNOWN;
      }
      pos += 3;
      return binary(left, binary, right);
    }
    if (first instanceof Word w
        && w.plainText() != null
        && w.plainText().startsWith("-")
        && w.plainText().length() == 2
        && pos + 1 < items.size()
        && items.get(pos + 1) instanceof Word arg) {
      pos += 2;
      return unaryTest(w.plainText().charAt(1), arg);
    }
    if (first instanceof Word w) {
      pos++;
      return Status.of(!text(w).isEmpty());
    }
    return Status.UNKNOWN;
  }

  private Status binary(Word left, String op, Word right) {
    String l = text(left);
    switch (op) {
      case "=", "==", "!=":
        boolean eq =
            doubleBracket
                ? Pattern.compile(expander.pattern(right), Pattern.DOTALL).matcher(l).matches()
                : l.equals(text(right));
        return Status.of(op.equals("!=") != eq);
      case "=~":
        try {
          inexact |= !expander.scalar(right).exact();
          return Status.of(Pattern.compile(expander.regex(right)).matcher(l).find());
        } catch (PatternSyntaxException e) {
          return Status.UNKNOWN;
        }
      case "<", ">":
        int cmp = l.compareTo(text(right));
        return Status.of(op.equals("<") ? cmp < 0 : cmp > 0);
      default:
        return integers(l, op, text(right));
    }
  }

  private static Status integers(String l, String op, String r) {
    long a;
    long b;
    try {
      a = Long.parseLong(l.strip());
      b = Long.parseLong(r.strip());
    } catch (NumberFormatException e) {
      return Status.UNKNOWN;
    }
    return switch (op) {
      case "-eq" -> Status.of(a == b);
      case "-ne" -> Status.of(a != b);
      case "-lt" -> Status.of(a < b);
      case "-le" -> Status.of(a <= b);
      case "-gt" -> Status.of(a > b);
      case "-ge" -> Status.of(a >= b);
      default -> Status.UNKNOWN;
    };
  }

  private Status unaryTest(char op, Word arg) {
    String value = text(arg);
    switch (op) {
      case 'z':
        return Status.of(value.isEmpty());
      case 'n':
        return Status.of(!value.isEmpty());
      case 'v':
        return Status.of(scope.get(value) != null);
      case 'e', 'f', 'd', 'r', 's', 'x', 'L', 'h':
        Path p = scope.planDir.resolve(value);
        return Status.of(
            op == 'f'
                ? Files.isRegularFile(p)
                : op == 'd' ? Files.isDirectory(p) : Files.exists(p));
      default:
        return Status.UNKNOWN;
    }
  }

  private String text(Word w) {
    Field f = expander.scalar(w);
    inexact |= !f.exact();
    return f.text();
  }

  private String operator(Object item) {
    String text = item instanceof String op ? op : ((Word) item).plainText();
    if (text == null) {
      return null;
    }
    return switch (text) {
      case "=", "==", "!=", "=~", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge" -> text;
      default -> null;
    };
  }

  private boolean at(String op) {
    return pos < items.size() && op.equals(items.get(pos));
  }

  private boolean isWord(int i, String text) {
    return items.get(i) instanceof Word w && w.is(text);
  }
}
