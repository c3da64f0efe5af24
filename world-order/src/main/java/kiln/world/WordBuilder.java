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
  private boolean open;
  private boolean openQuoted;

  WordBuilder(String src, int start, int line) {
    this.src = src;
    this.start = start;
    this.line = line;
  }

  int line() {
    return line;
  }

  void literal(char c) {
    pending(false).append(c);
  }

  void literalOrQuoted(String text, boolean quoted) {
    pending(quoted).append(text);
  }

  /** Quoted literal text; an empty text still makes a (possibly empty) quoted part. */
  void quoted(String text, boolean unused) {
    pending(true).append(text);
  }

  void quoted(char c) {
    pending(true).append(c);
  }

  void param(String expr, boolean quoted) {
    flush();
    parts.add(new Word.Param(expr, quoted));
  }

  void cmdSub(String command, boolean quoted) {
    flush();
    parts.add(new Word.CmdSub(command, quoted));
  }

  void processSub(String text) {
    flush();
    parts.add(new Word.ProcSub(text));
  }

  void arith(String expression, boolean quoted) {
    flush();
    parts.add(new Word.Arith(expression, quoted));
  }

  boolean isEmpty() {
    return parts.isEmpty() && !open;
  }

  /**
   * When the word so far is {@code name=}, {@code name[i]=} or {@code name+=} (unquoted), the name
   * ({@code name+} for an append); else null. A following {@code (} then opens an array.
   */
  String assignmentName() {
    if (!parts.isEmpty()
        || openQuoted
        || plain.length() < 2
        || plain.charAt(plain.length() - 1) != '=') {
      return null;
    }
    int stop = plain.length() - 1;
    boolean append = plain.charAt(stop - 1) == '+';
    String name = plain.substring(0, append ? stop - 1 : stop);
    int subscript = name.indexOf('[');
    boolean element = subscript > 0 && name.endsWith("]");
    boolean valid = isName(element ? name.substring(0, subscript) : name);
    return valid ? (append ? name + "+" : name) : null;
  }

  Word build(int endPos) {
    flush();
    return new Word(List.copyOf(parts), line, src.substring(start, endPos));
  }

  /** The literal being collected, after closing one of the other quoting. */
  private StringBuilder pending(boolean quoted) {
    if (open && openQuoted != quoted) {
      flush();
    }
    open = true;
    openQuoted = quoted;
    return plain;
  }

  private void flush() {
    if (open) {
      parts.add(new Word.Lit(plain.toString(), openQuoted));
      plain.setLength(0);
      open = false;
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
