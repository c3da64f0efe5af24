package kiln.world.affected;

/** The changed files could not be found (git failed, a revision does not exist...). */
public final class AffectedException extends Exception {

  public AffectedException(String message) {
    super(message);
  }

  public AffectedException(String message, Throwable cause) {
    super(message, cause);
  }
}
