package kiln.stages.store;

/**
 * The package store cannot do what was asked: a dependency that does not resolve, an artifact that
 * may not be unpacked, conflicting transitive dependencies. The message names the package and what
 * is installed, and says what to do.
 */
public class StoreException extends Exception {
  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
