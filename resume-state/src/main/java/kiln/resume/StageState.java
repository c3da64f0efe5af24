package kiln.resume;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One stage's entries as the ledger has them.
 *
 * @param stage the stage
 * @param work what the stage was last started with, if it was started
 * @param entries every entry the ledger knows for this stage, in the order first recorded
 * @param checked the sha256 of each artifact of this stage that passed the check the stage must
 *     pass before the next stage uses its artifacts (after stage2: nothing refers to /tools)
 */
public record StageState(
    StageName stage,
    Optional<StageWork> work,
    Map<EntryKey, EntryState> entries,
    Set<String> checked) {

  public StageState {
    entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    checked = Set.copyOf(checked);
  }

  /** The entry's state, {@link EntryState#NEW} if the ledger has none. */
  public EntryState entry(EntryKey key) {
    return entries.getOrDefault(key, EntryState.NEW);
  }

  /**
   * How many entries of the stage's {@linkplain #planSet plan set} stand in each state. Entries of
   * the stage's work the ledger has no record for count as queued.
   */
  public Map<EntryStatus, Integer> counts() {
    Map<EntryStatus, Integer> counts = new EnumMap<>(EntryStatus.class);
    for (EntryStatus status : EntryStatus.values()) {
      counts.put(status, 0);
    }
    for (EntryKey key : planSet()) {
      counts.merge(entry(key).status(), 1, Integer::sum);
    }
    return counts;
  }

  /**
   * What the stage is to build now: the entries of its last recorded work, in order; before the
   * stage started, every entry the ledger knows (a skip recorded ahead of it).
   */
  public List<EntryKey> planSet() {
    return work.map(StageWork::keys).orElseGet(() -> List.copyOf(entries.keySet()));
  }

  /**
   * Entries the ledger has a history for that the stage's last recorded work no longer holds: their
   * plan left the tree or the base list. They are no part of the stage's counts.
   */
  public List<EntryKey> left() {
    if (work.isEmpty()) {
      return List.of();
    }
    java.util.Set<EntryKey> current = new java.util.HashSet<>(work.get().keys());
    return entries.keySet().stream().filter(k -> !current.contains(k)).toList();
  }

  /** Every entry the ledger knows: the work's order, then any the ledger knows beyond it. */
  public List<EntryKey> keys() {
    LinkedHashMap<EntryKey, Boolean> keys = new LinkedHashMap<>();
    work.ifPresent(w -> w.keys().forEach(k -> keys.put(k, true)));
    entries.keySet().forEach(k -> keys.put(k, true));
    return List.copyOf(keys.keySet());
  }

  /**
   * True when the user set the entry aside: skipped by the user, or skipped because of an entry the
   * user skipped. Such entries do not keep a stage from handing over; failures and the entries
   * skipped because of them do.
   */
  public boolean setAsideByUser(EntryKey key) {
    EntryState state = entry(key);
    return state.skippedByUser()
        || (state.status() == EntryStatus.SKIPPED
            && state.cause() != null
            && entry(state.cause()).skippedByUser());
  }

  /** The entries skipped because of {@code failed}, in order. */
  public List<EntryKey> blockedBy(EntryKey failed) {
    return keys().stream()
        .filter(k -> entry(k).status() == EntryStatus.SKIPPED && failed.equals(entry(k).cause()))
        .toList();
  }
}
