package kiln.resume;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One thing a stage builds.
 *
 * @param key the plan's ident and its settings
 * @param plan the plan's folder as the plan list gave it (written to {@code stage3_world_order})
 * @param deps the entries of the same stage this one needs built first; dependencies outside the
 *     stage (a stage3 plan's base plans) are the studio's business and are not listed
 */
public record StageEntry(EntryKey key, String plan, Set<EntryKey> deps) {

  public StageEntry {
    Objects.requireNonNull(key, "key");
    if (plan == null || plan.isBlank()) {
      throw new IllegalArgumentException("no plan folder for " + key);
    }
    deps = java.util.Collections.unmodifiableSet(new TreeSet<>(deps));
    if (deps.contains(key)) {
      throw new IllegalArgumentException(key + " depends on itself");
    }
  }

  /** An entry with no dependencies within the stage. */
  public static StageEntry of(EntryKey key, String plan) {
    return new StageEntry(key, plan, Set.of());
  }
}
