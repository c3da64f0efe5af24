package kiln.world;

/** A plan kiln cannot read: it sources a missing file, has no valid name, or does not parse. */
public final class UnreadablePlanException extends Exception {

  private static final long serialVersionUID = 1L;
  private final transient Diagnostic diagnostic;

  public UnreadablePlanException(Diagnostic diagnostic) {
    super(diagnostic.toString());
    this.diagnostic = diagnostic;
  }

  /** Where and why. */
  public Diagnostic diagnostic() {
    return diagnostic;
  }
}
