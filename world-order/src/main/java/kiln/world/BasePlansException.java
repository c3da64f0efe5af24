package kiln.world;

/** A base-plans file that cannot be read or has a bad line (the message names file:line). */
public final class BasePlansException extends Exception {

  private static final long serialVersionUID = 1L;

  public BasePlansException(String message) {
    super(message);
  }

  public BasePlansException(String message, Throwable cause) {
    super(message, cause);
  }
}
