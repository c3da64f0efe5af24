package kiln.world;

import java.util.List;

/**
 * One shell word as written: a sequence of parts, each literal or an expansion, each quoted or not
 * (quoting decides field splitting and pattern matching).
 *
 * @param parts the parts in order
 * @param line the line the word starts on
 * @param raw the source text, for messages
 */
record Word(List<Part> parts, int line, String raw) {

  /** A piece of a word. */
  sealed interface Part permits Lit, Param, CmdSub, ProcSub, Arith {
    boolean quoted();
  }

  /** Literal text; {@code quoted} when it came from quotes or a backslash escape. */
  record Lit(String text, boolean quoted) implements Part {}

  /** {@code $name} or the inside of {@code ${...}}. */
  record Param(String expr, boolean quoted) implements Part {}

  /** {@code $(...)} or backticks: the command text. */
  record CmdSub(String command, boolean quoted) implements Part {}

  /** {@code <(...)} or {@code >(...)} as written: a file name only running it would give. */
  record ProcSub(String text) implements Part {
    @Override
    public boolean quoted() {
      return false;
    }
  }

  /** {@code $((...))}: the expression text. */
  record Arith(String expression, boolean quoted) implements Part {}

  /** The text when the word is one unquoted literal (a reserved word, an operator word). */
  String plainText() {
    if (parts.size() == 1 && parts.get(0) instanceof Lit lit && !lit.quoted()) {
      return lit.text();
    }
    return null;
  }

  /** True when the word is exactly this unquoted text. */
  boolean is(String text) {
    return text.equals(plainText());
  }

  @Override
  public String toString() {
    return raw;
  }
}
