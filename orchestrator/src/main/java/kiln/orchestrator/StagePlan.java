package kiln.orchestrator;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import kiln.resume.EntryKey;
import kiln.resume.StageWork;

/**
 * What a stage builds, and what reading its plans already shows cannot build.
 *
 * @param work the stage's entries and their edges
 * @param unbuildable per entry that cannot build, why: one line each, naming the plan file and line
 *     and what to do (a dependency that no plan provides and no installed artifact holds). Such an
 *     entry fails with these lines when its turn comes, without a studio, and its dependents are
 *     set aside as for any failure.
 */
public record StagePlan(StageWork work, Map<EntryKey, List<String>> unbuildable) {

  public StagePlan {
    Objects.requireNonNull(work, "work");
    TreeMap<EntryKey, List<String>> copy = new TreeMap<>();
    unbuildable.forEach(
        (key, why) -> {
          if (!work.keys().contains(key) || why.isEmpty()) {
            throw new IllegalArgumentException(
                work.stage() + ": " + key + " is not an entry of the stage, or has no reason");
          }
          copy.put(key, List.copyOf(why));
        });
    unbuildable = java.util.Collections.unmodifiableMap(copy);
  }

  /** A stage whose every entry may be built. */
  public static StagePlan of(StageWork work) {
    return new StagePlan(work, Map.of());
  }
}
