package kiln.orchestrator.status;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import kiln.resume.EntryKey;
import kiln.resume.EntryState;
import kiln.resume.EntryStatus;
import kiln.resume.StageName;
import kiln.resume.StageState;

/**
 * One stage in {@code kiln status}.
 *
 * @param stage the stage
 * @param counts how many entries stand in each state (every state present, 0 when none)
 * @param passedCheck how many built artifacts passed the check before the next stage
 * @param plans every entry, in stage order
 */
public record StageStatus(
    StageName stage, Map<EntryStatus, Integer> counts, int passedCheck, List<PlanStatus> plans) {

  public StageStatus {
    counts = Collections.unmodifiableMap(new EnumMap<>(counts));
    plans = List.copyOf(plans);
  }

  static StageStatus of(StageState stage) {
    int passed = 0;
    List<PlanStatus> plans = new java.util.ArrayList<>();
    for (EntryKey key : stage.keys()) {
      EntryState entry = stage.entry(key);
      if (entry.status() == EntryStatus.BUILT
          && stage.checked().contains(entry.artifact().sha256())) {
        passed++;
      }
      List<EntryKey> blocks = entry.status().isFailure() ? stage.blockedBy(key) : List.of();
      plans.add(new PlanStatus(key, entry, blocks));
    }
    return new StageStatus(stage.stage(), stage.counts(), passed, plans);
  }

  /** How many entries stand in {@code status}. */
  public int count(EntryStatus status) {
    return counts.getOrDefault(status, 0);
  }
}
