package kiln.orchestrator.progress;

/**
 * How fast a stage builds against its estimates: the seconds its finished builds took over the
 * seconds they were estimated at. The history cannot know how busy the machine is today: on a
 * machine twice as busy as the one the history was made on a stage builds at a pace of about 2, and
 * the ETA of what is left is scaled by it. Each stage starts at 1: stages do different work (the
 * demo's base stages copy seeds and slowed 5-10x on a busy disk while its world compiled and slowed
 * 1.8x; docs/performance.md). Kept between 1/{@link #SLOWEST} and {@link #SLOWEST}, so one odd
 * build cannot throw the ETA out by more. Not thread-safe: the stage's watch owns it.
 */
public final class Pace {

  /** The pace is kept within this factor of 1 either way. */
  static final double SLOWEST = 10;

  private double took;
  private double estimated;

  /** A build of this run ended built, after {@code took} seconds against {@code estimate}. */
  public void built(double took, double estimate) {
    if (estimate > 0) {
      this.took += took;
      this.estimated += estimate;
    }
  }

  /** The factor to scale estimates by: 1 until a build with an estimate has ended. */
  public double factor() {
    if (estimated == 0) {
      return 1;
    }
    return Math.max(1 / SLOWEST, Math.min(SLOWEST, took / estimated));
  }
}
