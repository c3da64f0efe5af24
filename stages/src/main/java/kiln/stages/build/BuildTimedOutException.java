package kiln.stages.build;

import java.nio.file.Path;

/** A build killed at a limit (wall clock or silence): not the plan's failure as such. */
public class BuildTimedOutException extends BuildException {
  public BuildTimedOutException(String message, Path log) {
    super(message, log);
  }
}
