package kiln.orchestrator;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kiln.orchestrator.history.BuildHistory;
import kiln.orchestrator.history.Estimate;
import kiln.resume.EntryKey;
import kiln.resume.StageEntry;
import kiln.resume.StageName;
import kiln.resume.StageWork;
import kiln.world.Plan;

/**
 * How long a world rebuild should take on a set of builders: the world's plans in world order, each
 * build as long as its estimate, played by {@link RunSimulator} under one of the scheduler's
 * policies. The engine of {@code kiln estimate}.
 */
public final class WorldEstimate {

  private WorldEstimate() {}

  /** How the simulated scheduler orders ready entries. */
  public enum Policy {
    /** By the longest estimated remaining path in seconds: what kiln does once it has history. */
    TIME,
    /** By the longest chain of dependents counted in builds: kiln without history. */
    COUNT;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * What a simulated run came to.
   *
   * @param prediction the makespan, its lower bound, the critical path and utilisation
   * @param policy the order used
   * @param plans how many plans were simulated
   * @param bases how many estimates rest on each basis
   */
  public record Result(
      Prediction prediction, Policy policy, int plans, Map<Estimate.Basis, Integer> bases) {
    public Result {
      bases = Map.copyOf(bases);
    }
  }

  /**
   * @param order the world's plans in world order (missing plans are passed over); a dependency on
   *     a plan later in the order (a cycle ordered anyway) is left to the order
   * @throws IllegalArgumentException when no duration is known at all
   */
  public static Result estimate(
      List<Plan> order, BuildHistory durations, List<Double> speeds, Policy policy) {
    if (durations.isEmpty()) {
      throw new IllegalArgumentException(
          "no durations: give a file of 'origin/name seconds' lines, or a work directory where"
              + " kiln has built something");
    }
    StageWork work = StageWorks.ofPlans(order);
    Map<EntryKey, Estimate> estimates = new LinkedHashMap<>();
    Map<Estimate.Basis, Integer> bases = new EnumMap<>(Estimate.Basis.class);
    for (StageEntry entry : work.entries()) {
      Estimate e = durations.estimate(StageName.STAGE3, entry.key().ident());
      estimates.put(entry.key(), e);
      bases.merge(e.basis(), 1, Integer::sum);
    }
    EntryWeights weights = policy == Policy.TIME ? durations.weights() : EntryWeights.COUNT;
    Prediction prediction =
        new RunSimulator(speeds).run(work, weights, e -> estimates.get(e.key()).seconds());
    return new Result(prediction, policy, work.entries().size(), bases);
  }
}
