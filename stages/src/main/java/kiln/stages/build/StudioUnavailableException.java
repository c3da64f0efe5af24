package kiln.stages.build;

import kiln.stages.studio.StudioException;

/**
 * The studio itself could not be made or run (no engine, no space, no bubblewrap): the plan was
 * never tried, so a run should stop and try it again later rather than count it as failed.
 */
public class StudioUnavailableException extends BuildException {
  public StudioUnavailableException(String message, StudioException cause) {
    super(message, null, cause);
  }
}
