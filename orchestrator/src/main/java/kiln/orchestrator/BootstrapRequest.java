package kiln.orchestrator;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import kiln.resume.StageName;

/**
 * What {@code kiln bootstrap} was asked to do.
 *
 * @param stages the stages to run, in stage order
 * @param force the stages whose failures may not stop the next stage
 * @param options jobs, fail-fast and stop-before for every stage
 * @param newRun start a new run (a new ledger) instead of resuming the current one
 */
public record BootstrapRequest(
    Set<StageName> stages, Set<StageName> force, SchedulerOptions options, boolean newRun) {

  public BootstrapRequest {
    stages = Collections.unmodifiableSet(EnumSet.copyOf(nonEmpty(stages)));
    force = force.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(force));
    Objects.requireNonNull(options, "options");
  }

  private static Set<StageName> nonEmpty(Set<StageName> stages) {
    if (stages.isEmpty()) {
      throw new IllegalArgumentException("no stage left to run: check --from, --only and --skip");
    }
    return stages;
  }

  /**
   * The stages {@code --from}, {@code --only} and {@code --skip} select.
   *
   * @throws IllegalArgumentException when {@code --only} and {@code --from} are both given, or
   *     nothing is left
   */
  public static Set<StageName> select(
      Optional<StageName> from, Optional<StageName> only, Set<StageName> skip) {
    if (from.isPresent() && only.isPresent()) {
      throw new IllegalArgumentException("give --from or --only, not both");
    }
    EnumSet<StageName> stages =
        only.map(EnumSet::of)
            .orElseGet(() -> EnumSet.range(from.orElse(StageName.STAGE0), StageName.COMPARE));
    stages.removeAll(skip);
    if (stages.isEmpty()) {
      throw new IllegalArgumentException("no stage left to run: check --from, --only and --skip");
    }
    return stages;
  }
}
