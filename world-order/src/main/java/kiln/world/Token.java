package kiln.world;

import java.util.List;

/**
 * A token of plan.sh: a word, an array assignment ({@code name=(...)} with its elements), an
 * operator, a line end or the end of the file.
 */
record Token(Kind kind, String op, Word word, ArrayAssign array, int line) {

  enum Kind {
    WORD,
    ARRAY,
    OP,
    NEWLINE,
    EOF
  }

  /** {@code name=(...)} or {@code name+=(...)}. */
  record ArrayAssign(String name, boolean append, List<Word> elements) {}

  static Token word(Word word) {
    return new Token(Kind.WORD, null, word, null, word.line());
  }

  static Token op(String op, int line) {
    return new Token(Kind.OP, op, null, null, line);
  }

  boolean isOp(String text) {
    return kind == Kind.OP && op.equals(text);
  }

  /** True for an unquoted word of exactly this text (reserved words are recognised so). */
  boolean isWord(String text) {
    return kind == Kind.WORD && word.is(text);
  }

  /** True where a command list ends: a line end, {@code ;} or {@code &}. */
  boolean isSeparator() {
    return kind == Kind.NEWLINE || isOp(";") || isOp("&");
  }

  String text() {
    return switch (kind) {
      case WORD -> word.raw();
      case ARRAY -> array.name() + (array.append() ? "+=(" : "=(");
      case OP -> op;
      case NEWLINE -> "newline";
      case EOF -> "end of file";
    };
  }
}
