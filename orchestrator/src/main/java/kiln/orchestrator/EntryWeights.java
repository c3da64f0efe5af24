package kiln.orchestrator;

import kiln.resume.StageEntry;
import kiln.resume.StageName;

/**
 * What building one entry costs, in a unit of the caller's choosing (builds, seconds...): the
 * scheduler starts the ready entry with the heaviest chain first, a chain weighing its entry's cost
 * plus the heaviest chain among the entry's dependents. Given in {@link SchedulerOptions}.
 */
@FunctionalInterface
public interface EntryWeights {

  /**
   * @return a cost of zero or more; the same for the same entry throughout a stage
   */
  double cost(StageName stage, StageEntry entry);

  /** Every entry costs one: the chain is the longest path of dependents, counted in builds. */
  EntryWeights COUNT = (stage, entry) -> 1;
}
