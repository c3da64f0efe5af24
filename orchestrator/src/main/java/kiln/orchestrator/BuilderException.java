package kiln.orchestrator;

/** The builder cannot work at all (not one plan's failure); says what is wrong and what to do. */
public class BuilderException extends Exception {
  public BuilderException(String message) {
    super(message);
  }

  public BuilderException(String message, Throwable cause) {
    super(message, cause);
  }
}
