package kiln.world;

/** A plan kiln cannot read: it sources a missing file, has no valid name, or does not parse. */
public final class UnreadablePlanException extends Exception {

  private static final long serialVersionUID = 1L;
  private final transient Diagnostic diagnostic;

  public UnreadablePlanException(Diagnostic diagnostic) {
    this(diagnostic, null);
  }

  /** With the failure that made the plan unreadable, for {@code --stacktrace}. */
  public UnreadablePlanException(Diagnostic diagnostic, Throwable cause) {
    super(diagnostic.toString(), cause);
    this.diagnostic = diagnostic;
  }

  /** Where and why. */
  public Diagnostic diagnostic() {
    return diagnostic;
  }
}
