package kiln.world;

/** plan.sh text the reader cannot tokenize or parse: an unterminated quote, a missing fi. */
final class ShellSyntaxException extends Exception {

  private static final long serialVersionUID = 1L;
  private final int line;

  ShellSyntaxException(int line, String message) {
    super(message);
    this.line = line;
  }

  int line() {
    return line;
  }
}
