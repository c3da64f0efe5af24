package kiln.orchestrator;

import java.util.Objects;
import java.util.Optional;
import kiln.resume.EntryKey;

/**
 * How a stage is scheduled.
 *
 * @param jobs how many builds may run at once (world stages; base stages build one at a time)
 * @param failFast stop starting builds at the first failure, instead of building everything that
 *     does not depend on it
 * @param stopBefore stop when this plan (an {@code origin/name} or just a name) is next to build,
 *     like the core-plans scripts' {@code STOP_BEFORE}
 * @param weights what each entry costs, for the order among ready entries (world stages): by
 *     default each costs 1, so the longest chain of dependents goes first
 */
public record SchedulerOptions(
    int jobs, boolean failFast, Optional<String> stopBefore, EntryWeights weights) {

  public SchedulerOptions {
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs must be at least 1, not " + jobs);
    }
    Objects.requireNonNull(stopBefore, "stopBefore");
    Objects.requireNonNull(weights, "weights");
  }

  /** Each entry weighs the same ({@link EntryWeights#COUNT}). */
  public SchedulerOptions(int jobs, boolean failFast, Optional<String> stopBefore) {
    this(jobs, failFast, stopBefore, EntryWeights.COUNT);
  }

  /**
   * True when {@code stopBefore} names this entry: its ident and settings, its origin/name, or its
   * name.
   */
  public boolean stopsBefore(EntryKey key) {
    return stopBefore
        .filter(
            p ->
                p.equals(key.toString())
                    || p.equals(key.ident().toString())
                    || p.equals(key.ident().name()))
        .isPresent();
  }

  /** The same options, ordering ready entries by {@code other} weights. */
  public SchedulerOptions withWeights(EntryWeights other) {
    return new SchedulerOptions(jobs, failFast, stopBefore, other);
  }

  /** One job, keep going, no stop. */
  public static SchedulerOptions defaults() {
    return new SchedulerOptions(1, false, Optional.empty());
  }
}
