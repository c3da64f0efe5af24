package kiln.orchestrator;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiln.resume.EntryKey;
import kiln.resume.EntryStatus;
import kiln.resume.StageName;

/**
 * How a stage ended.
 *
 * @param stage the stage
 * @param counts entries per state at the end
 * @param failures the entries that failed or timed out, in stage order
 * @param stoppedBefore the entry {@code --stop-before} stopped at, if it did
 * @param stoppedEarly true when {@code --fail-fast} stopped the stage at a failure
 */
public record StageResult(
    StageName stage,
    Map<EntryStatus, Integer> counts,
    List<EntryKey> failures,
    Optional<EntryKey> stoppedBefore,
    boolean stoppedEarly) {

  public StageResult {
    counts = Collections.unmodifiableMap(new EnumMap<>(counts));
    failures = List.copyOf(failures);
  }

  public int count(EntryStatus status) {
    return counts.getOrDefault(status, 0);
  }

  /** True when something failed or timed out: the next stage waits unless forced. */
  public boolean hasFailures() {
    return !failures.isEmpty();
  }

  /** True when every entry is built or set aside by the user, and nothing stopped the stage. */
  public boolean complete() {
    return !hasFailures()
        && stoppedBefore.isEmpty()
        && !stoppedEarly
        && count(EntryStatus.QUEUED) == 0
        && count(EntryStatus.BUILDING) == 0;
  }
}
