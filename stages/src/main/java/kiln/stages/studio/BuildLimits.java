package kiln.stages.studio;

import java.time.Duration;

/**
 * When a build is given up on.
 *
 * @param wallClock the longest a build may run in all
 * @param silence the longest a build may go without printing anything: a hung build is killed long
 *     before the wall-clock limit
 */
public record BuildLimits(Duration wallClock, Duration silence) {

  public BuildLimits {
    if (wallClock.isNegative() || wallClock.isZero() || silence.isNegative() || silence.isZero()) {
      throw new IllegalArgumentException(
          "build limits must be positive: " + wallClock + ", " + silence);
    }
  }

  /** Generous limits for a world rebuild: six hours in all, one hour of silence. */
  public static BuildLimits defaults() {
    return new BuildLimits(Duration.ofHours(6), Duration.ofHours(1));
  }
}
