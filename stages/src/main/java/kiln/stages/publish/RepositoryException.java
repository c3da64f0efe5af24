package kiln.stages.publish;

/** Publishing, serving or fetching a repository failed; the message says where and what to do. */
public class RepositoryException extends Exception {

  private static final long serialVersionUID = 1L;

  public RepositoryException(String message) {
    super(message);
  }

  public RepositoryException(String message, Throwable cause) {
    super(message, cause);
  }
}
