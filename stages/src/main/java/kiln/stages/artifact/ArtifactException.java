package kiln.stages.artifact;

/**
 * An artifact, signed document or origin key that cannot be written, read or trusted. The message
 * names the file (and line, for key files), what is wrong, and what to do about it.
 */
public class ArtifactException extends Exception {
  public ArtifactException(String message) {
    super(message);
  }

  public ArtifactException(String message, Throwable cause) {
    super(message, cause);
  }
}
