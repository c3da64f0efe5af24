package kiln.orchestrator;

import java.util.List;
import kiln.resume.EntryKey;

/**
 * What a simulated run of a stage came to.
 *
 * @param makespanSeconds from the first build's start to the last one's end
 * @param lowerBoundSeconds no schedule can do better: the longer of the critical path (on the
 *     fastest builder) and the total work spread evenly over all builders
 * @param criticalPath the longest chain of builds, first built first
 * @param utilisation per builder, the share of the makespan it spent building (0 to 1)
 * @param totalWorkSeconds every build's seconds added up (on a builder of speed 1)
 */
public record Prediction(
    double makespanSeconds,
    double lowerBoundSeconds,
    List<Step> criticalPath,
    List<Double> utilisation,
    double totalWorkSeconds) {

  public Prediction {
    criticalPath = List.copyOf(criticalPath);
    utilisation = List.copyOf(utilisation);
  }

  /** One build of the critical path. */
  public record Step(EntryKey key, double seconds) {}

  /** How far the run is from the best any schedule could do: 1 is optimal. */
  public double ratio() {
    return lowerBoundSeconds > 0 ? makespanSeconds / lowerBoundSeconds : 1;
  }
}
