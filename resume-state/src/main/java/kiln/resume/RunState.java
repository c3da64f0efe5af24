package kiln.resume;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A run as the ledger replays it.
 *
 * @param runId the run's id, e.g. {@code 20261121T130501Z-4f2a}
 * @param stages the stages the ledger has records for
 * @param recovery what replaying found wrong with the ledger, if anything
 * @param hosts the build hosts' changes (a run over kiln.yaml's {@code hosts}); none otherwise
 */
public record RunState(
    String runId, Map<StageName, StageState> stages, Recovery recovery, RunHosts hosts) {

  public RunState {
    stages = Collections.unmodifiableMap(new EnumMap<>(stages));
    java.util.Objects.requireNonNull(hosts, "hosts");
  }

  /** A run with no build hosts' changes. */
  public RunState(String runId, Map<StageName, StageState> stages, Recovery recovery) {
    this(runId, stages, recovery, RunHosts.NONE);
  }

  /** The stage's state; an empty one if the ledger has nothing for it. */
  public StageState stage(StageName stage) {
    return Optional.ofNullable(stages.get(stage))
        .orElseGet(() -> new StageState(stage, Optional.empty(), Map.of(), java.util.Set.of()));
  }
}
