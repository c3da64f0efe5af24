package kiln.resume;

/** The ledger cannot be read or written; the message names the file and what to do. */
public class JournalException extends Exception {
  public JournalException(String message) {
    super(message);
  }

  public JournalException(String message, Throwable cause) {
    super(message, cause);
  }
}
