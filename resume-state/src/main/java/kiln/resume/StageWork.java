package kiln.resume;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one stage builds: its entries in list (or world) order and the edges between them. The
 * ledger records it when a stage starts, so status, skip and retry know the stage's shape without
 * reading the plans again.
 *
 * @param stage the stage
 * @param entries the entries, each key once, in the order the list or the world order gave them
 * @param ordered true for base stages: entries build one at a time in list order (the list is the
 *     bootstrap's contract: a later entry may rely on an earlier one without saying so); false for
 *     the world: any entry whose deps are built may start
 */
public record StageWork(StageName stage, List<StageEntry> entries, boolean ordered) {

  public StageWork {
    Objects.requireNonNull(stage, "stage");
    entries = List.copyOf(entries);
    Map<EntryKey, Integer> position = new HashMap<>();
    for (StageEntry entry : entries) {
      if (position.put(entry.key(), position.size()) != null) {
        throw new IllegalArgumentException(stage + " lists " + entry.key() + " twice");
      }
    }
    for (StageEntry entry : entries) {
      for (EntryKey dep : entry.deps()) {
        Integer at = position.get(dep);
        if (at == null) {
          throw new IllegalArgumentException(
              stage
                  + ": "
                  + entry.key()
                  + " depends on "
                  + dep
                  + ", which the stage does not list");
        }
        if (at >= position.get(entry.key())) {
          throw new IllegalArgumentException(
              stage
                  + ": "
                  + entry.key()
                  + " comes before its dependency "
                  + dep
                  + " (entries must be in dependency order)");
        }
      }
    }
  }

  /** The keys in order. */
  public List<EntryKey> keys() {
    return entries.stream().map(StageEntry::key).toList();
  }

  /** Each entry's direct dependents, in entry order. */
  public Map<EntryKey, List<EntryKey>> dependents() {
    Map<EntryKey, List<EntryKey>> dependents = new LinkedHashMap<>();
    for (StageEntry entry : entries) {
      dependents.put(entry.key(), new ArrayList<>());
    }
    for (StageEntry entry : entries) {
      for (EntryKey dep : entry.deps()) {
        dependents.get(dep).add(entry.key());
      }
    }
    dependents.replaceAll((k, v) -> Collections.unmodifiableList(v));
    return Collections.unmodifiableMap(dependents);
  }

  /** Every entry that depends on {@code root}, directly or not, in entry order. */
  public List<EntryKey> transitiveDependents(EntryKey root) {
    Map<EntryKey, List<EntryKey>> dependents = dependents();
    Set<EntryKey> seen = new HashSet<>();
    List<EntryKey> stack = new ArrayList<>(dependents.getOrDefault(root, List.of()));
    while (!stack.isEmpty()) {
      EntryKey next = stack.remove(stack.size() - 1);
      if (seen.add(next)) {
        stack.addAll(dependents.get(next));
      }
    }
    return keys().stream().filter(seen::contains).toList();
  }
}
