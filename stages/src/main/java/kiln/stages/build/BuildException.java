package kiln.stages.build;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A plan could not be built: bad input (plan, dependency, source, hart) or a failing build. The
 * message says what and where; {@link #log()} names the full build log when there is one.
 */
public class BuildException extends Exception {

  private final transient Path log;

  public BuildException(String message) {
    this(message, null, null);
  }

  public BuildException(String message, Path log) {
    this(message, log, null);
  }

  public BuildException(String message, Path log, Throwable cause) {
    super(message, cause);
    this.log = log;
  }

  /** The build log in the results dir, when the failure happened with a log being written. */
  public Optional<Path> log() {
    return Optional.ofNullable(log);
  }
}
