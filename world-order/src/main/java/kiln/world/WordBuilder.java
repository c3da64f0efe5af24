package kiln.world;

import java.util.ArrayList;
import java.util.List;

/** Collects the parts of one word as the lexer reads it, merging neighbouring literals. */
final class WordBuilder {

  private final String src;
  private final int start;
  private final int line;
  private final List<Word.Part> parts = new ArrayList<>();
  private final StringBuilder plain = new StringBuilder();

  WordBuilder(String src, int start, int line) {
    this.src = src;
    this.start = start;
    this.line = line;
  }

  int line() {
    return line;
  }

  void literal(char c) {
    plain.append(c);
  }

  void literalOrQuoted(String text, boolean quoted) {
    if (quoted) {
      quoted(text, true);
    } else {
      plain.append(text);
    }
  }

  /** Quoted literal text; merges with a quoted literal just before it. */
  void quoted(String text, boolean unused) {
    flush();
    int last = parts.size() - 1;
    if (last >= 0 && parts.get(last) instanceof Word.Lit lit && lit.quoted()) {
      parts.set(last, new Word.Lit(lit.text() + text, true));
    } else {
      parts.add(new Word.Lit(text, true));
    }
  }

  void param(String expr, boolean quoted) {
    flush();
    parts.add(new Word.Param(expr, quoted));
  }

  void cmdSub(String command, boolean quoted) {
    flush();
    parts.add(new Word.CmdSub(command, quoted));
  }

  void arith(String expression, boolean quoted) {
    flush();
    parts.add(new Word.Arith(expression, quoted));
  }

  boolean isEmpty() {
    return parts.isEmpty() && plain.length() == 0;
  }

  /**
   * When the word so far is {@code name=} or {@code name+=} (unquoted), the name ({@code name+} for
   * an append); else null. A following {@code (} then opens an array.
   */
  String assignmentName() {
    if (!parts.isEmpty() || plain.length() < 2 || plain.charAt(plain.length() - 1) != '=') {
      return null;
    }
    int stop = plain.length() - 1;
    boolean append = plain.charAt(stop - 1) == '+';
    String name = plain.substring(0, append ? stop - 1 : stop);
    return isName(name) ? (append ? name + "+" : name) : null;
  }

  Word build(int endPos) {
    flush();
    return new Word(List.copyOf(parts), line, src.substring(start, endPos));
  }

  private void flush() {
    if (plain.length() > 0) {
      parts.add(new Word.Lit(plain.toString(), false));
      plain.setLength(0);
    }
  }

  static boolean isName(String text) {
    if (text.isEmpty() || Character.isDigit(text.charAt(0))) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (!ShellLexer.isNameChar(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
