package kiln.stages.studio;

/** The studio itself could not be made, run or removed; says which and what to do. */
public class StudioException extends Exception {
  public StudioException(String message) {
    super(message);
  }

  public StudioException(String message, Throwable cause) {
    super(message, cause);
  }
}
