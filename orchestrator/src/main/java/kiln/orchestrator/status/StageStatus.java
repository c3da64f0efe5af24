package kiln.orchestrator.status;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kiln.resume.EntryKey;
import kiln.resume.EntryState;
import kiln.resume.EntryStatus;
import kiln.resume.StageName;
import kiln.resume.StageState;

/**
 * One stage in {@code kiln status}: the ledger's truth for the stage's current plan set.
 *
 * @param stage the stage
 * @param counts how many of {@code plans} stand in each state (every state present, 0 when none)
 * @param passedCheck how many built artifacts passed the check before the next stage
 * @param plans every entry of the stage's plan set still in the tree, in stage order
 * @param left the entries with a history in the ledger that are no part of the stage any more
 */
public record StageStatus(
    StageName stage,
    Map<EntryStatus, Integer> counts,
    int passedCheck,
    List<PlanStatus> plans,
    List<LeftPlan> left) {

  public StageStatus {
    counts = Collections.unmodifiableMap(new EnumMap<>(counts));
    plans = List.copyOf(plans);
    left = List.copyOf(left);
  }

  static StageStatus of(StageState stage, PlanTree tree) {
    Map<EntryKey, String> folders = new HashMap<>();
    stage.work().ifPresent(w -> w.entries().forEach(e -> folders.put(e.key(), e.plan())));
    Map<EntryStatus, Integer> counts = new EnumMap<>(EntryStatus.class);
    for (EntryStatus status : EntryStatus.values()) {
      counts.put(status, 0);
    }
    int passed = 0;
    List<PlanStatus> plans = new ArrayList<>();
    List<LeftPlan> left = new ArrayList<>();
    for (EntryKey key : stage.planSet()) {
      EntryState entry = stage.entry(key);
      String folder = folders.get(key);
      if (stage.stage() != StageName.STAGE0 && folder != null && !tree.has(folder)) {
        left.add(new LeftPlan(key, entry, "its plan " + folder + " is no longer in the tree"));
        continue;
      }
      counts.merge(entry.status(), 1, Integer::sum);
      if (entry.status() == EntryStatus.BUILT
          && stage.checked().contains(entry.artifact().sha256())) {
        passed++;
      }
      List<EntryKey> blocks = entry.status().isFailure() ? stage.blockedBy(key) : List.of();
      plans.add(new PlanStatus(key, entry, blocks));
    }
    for (EntryKey key : stage.left()) {
      left.add(new LeftPlan(key, stage.entry(key), "the stage's plan list no longer holds it"));
    }
    return new StageStatus(stage.stage(), counts, passed, plans, left);
  }

  /** How many entries stand in {@code status}. */
  public int count(EntryStatus status) {
    return counts.getOrDefault(status, 0);
  }
}
