package kiln.stages.studio;

import java.time.Duration;

/**
 * How a command in a studio ended.
 *
 * @param exitCode the command's exit code (meaningless unless {@code ending} is EXITED)
 * @param ending whether it exited by itself or was killed at a limit
 * @param elapsed how long it ran
 */
public record StudioRun(int exitCode, Ending ending, Duration elapsed) {

  /** Why the command stopped. */
  public enum Ending {
    EXITED,
    /** Killed at the wall-clock limit. */
    TIMED_OUT,
    /** Killed because it printed nothing for longer than the silence limit. */
    SILENT_TOO_LONG
  }

  public boolean succeeded() {
    return ending == Ending.EXITED && exitCode == 0;
  }
}
