package kiln.orchestrator;

/** A stage cannot run (no plans, no tools tarball, a failed check); says what and what to do. */
public class StageException extends Exception {
  public StageException(String message) {
    super(message);
  }

  public StageException(String message, Throwable cause) {
    super(message, cause);
  }
}
