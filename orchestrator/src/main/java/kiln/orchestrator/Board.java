package kiln.orchestrator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import kiln.resume.EntryKey;
import kiln.resume.EntryStatus;
import kiln.resume.StageEntry;
import kiln.resume.StageWork;

/**
 * A stage's live state during scheduling: each entry's status, how many of its deps are not built
 * yet, and the entries ready to start, best first. Not thread-safe: the scheduler's thread owns it.
 */
final class Board {

  private final StageWork work;
  private final Map<EntryKey, Integer> index = new HashMap<>();
  private final Map<EntryKey, List<EntryKey>> dependents;
  private final Map<EntryKey, EntryStatus> status = new HashMap<>();
  private final Map<EntryKey, Integer> missing = new HashMap<>();
  private final Map<EntryKey, Double> chain = new HashMap<>();
  private final PriorityQueue<EntryKey> ready;

  /**
   * @param initial where each entry starts (queued when absent)
   * @param weights what each entry costs: an entry's chain is its cost plus the heaviest chain
   *     among its dependents, and the heaviest ready chain starts first (world stages)
   */
  Board(StageWork work, Map<EntryKey, EntryStatus> initial, EntryWeights weights) {
    this.work = work;
    this.dependents = work.dependents();
    List<EntryKey> keys = work.keys();
    for (int i = 0; i < keys.size(); i++) {
      index.put(keys.get(i), i);
    }
    for (int i = keys.size() - 1; i >= 0; i--) {
      EntryKey key = keys.get(i);
      double heaviest = dependents.get(key).stream().mapToDouble(chain::get).max().orElse(0);
      double cost = weights.cost(work.stage(), work.entries().get(i));
      if (!(cost >= 0) || Double.isInfinite(cost)) {
        throw new IllegalArgumentException(
            work.stage() + " " + key + ": an entry's weight is a cost of 0 or more, not " + cost);
      }
      chain.put(key, heaviest + cost);
    }
    Comparator<EntryKey> byIndex = Comparator.comparing(index::get);
    this.ready =
        new PriorityQueue<>(
            work.ordered()
                ? byIndex
                : Comparator.<EntryKey, Double>comparing(k -> -chain.get(k))
                    .thenComparing(byIndex));
    for (StageEntry entry : work.entries()) {
      status.put(entry.key(), initial.getOrDefault(entry.key(), EntryStatus.QUEUED));
    }
    for (StageEntry entry : work.entries()) {
      int notBuilt =
          (int) entry.deps().stream().filter(d -> status.get(d) != EntryStatus.BUILT).count();
      missing.put(entry.key(), notBuilt);
      if (notBuilt == 0 && status.get(entry.key()) == EntryStatus.QUEUED) {
        ready.add(entry.key());
      }
    }
  }

  EntryStatus status(EntryKey key) {
    return status.get(key);
  }

  boolean hasReady() {
    return !ready.isEmpty();
  }

  EntryKey peekReady() {
    return ready.peek();
  }

  /** Takes the best ready entry and marks it building. */
  EntryKey startNext() {
    EntryKey next = ready.remove();
    status.put(next, EntryStatus.BUILDING);
    return next;
  }

  StageEntry entry(EntryKey key) {
    return work.entries().get(index.get(key));
  }

  /** Marks an entry built; dependents whose deps are now all built become ready. */
  void built(EntryKey key) {
    status.put(key, EntryStatus.BUILT);
    for (EntryKey dependent : dependents.get(key)) {
      int left = missing.merge(dependent, -1, Integer::sum);
      if (left == 0 && status.get(dependent) == EntryStatus.QUEUED) {
        ready.add(dependent);
      }
    }
  }

  /** A building entry goes back to the ready queue: its build was cut off with no verdict. */
  void requeue(EntryKey key) {
    status.put(key, EntryStatus.QUEUED);
    ready.add(key);
  }

  /** A failed entry is queued again: its failure was its build host's, not its plan's. */
  void reopen(EntryKey key) {
    status.put(key, EntryStatus.QUEUED);
    if (missing.get(key) == 0) {
      ready.add(key);
    }
  }

  /**
   * Each of {@code skipped} that is set aside and whose deps are no longer failed or set aside is
   * queued again (after {@link #reopen} of the failures that set it aside).
   *
   * @return the entries queued again, in stage order
   */
  List<EntryKey> unskip(java.util.Collection<EntryKey> skipped) {
    List<EntryKey> back = new ArrayList<>();
    for (EntryKey next : skipped.stream().sorted(Comparator.comparing(index::get)).toList()) {
      boolean free =
          entry(next).deps().stream()
              .map(status::get)
              .noneMatch(s -> s.isFailure() || s == EntryStatus.SKIPPED);
      if (status.get(next) == EntryStatus.SKIPPED && free) {
        status.put(next, EntryStatus.QUEUED);
        back.add(next);
      }
    }
    return back;
  }

  /** Marks an entry failed, timed out or skipped. */
  void setAside(EntryKey key, EntryStatus newStatus) {
    status.put(key, newStatus);
    ready.remove(key);
  }

  /**
   * The queued entries that depend on {@code root}, directly or through other queued entries, in
   * stage order: the ones to skip when it fails. Built dependents keep their artifacts.
   */
  List<EntryKey> blockedBy(EntryKey root) {
    List<EntryKey> found = new ArrayList<>();
    List<EntryKey> stack = new ArrayList<>(dependents.get(root));
    java.util.Set<EntryKey> seen = new java.util.HashSet<>();
    while (!stack.isEmpty()) {
      EntryKey next = stack.remove(stack.size() - 1);
      if (seen.add(next) && status.get(next) == EntryStatus.QUEUED) {
        found.add(next);
        stack.addAll(dependents.get(next));
      }
    }
    found.sort(Comparator.comparing(index::get));
    return found;
  }

  /** Each entry's status now (a copy). */
  Map<EntryKey, EntryStatus> statuses() {
    return Map.copyOf(status);
  }

  /** Entries per status. */
  Map<EntryStatus, Integer> counts() {
    Map<EntryStatus, Integer> counts = new EnumMap<>(EntryStatus.class);
    for (EntryStatus s : EntryStatus.values()) {
      counts.put(s, 0);
    }
    status.values().forEach(s -> counts.merge(s, 1, Integer::sum));
    return counts;
  }

  /** The entries in a state, in stage order. */
  List<EntryKey> inState(EntryStatus wanted) {
    return work.keys().stream().filter(k -> status.get(k) == wanted).toList();
  }

  List<EntryKey> failures() {
    return work.keys().stream().filter(k -> status.get(k).isFailure()).toList();
  }
}
