package kiln.orchestrator;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import kiln.resume.EntryKey;
import kiln.resume.StageWork;
import kiln.world.PackageIdent;

/**
 * What a stage builds, and what reading its plans already shows cannot build.
 *
 * @param work the stage's entries and their edges
 * @param unbuildable per entry that cannot build, why: one line each, naming the plan file and line
 *     and what to do (a dependency that no plan provides and no installed artifact holds). Such an
 *     entry fails with these lines when its turn comes, without a studio, and its dependents are
 *     set aside as for any failure.
 * @param declared per entry, the origin/name of each dependency its plan declares (build and run),
 *     whether or not the stage builds it: a stage3 entry's base dependencies come from stage2, and
 *     their artifacts are among its build's inputs
 */
public record StagePlan(
    StageWork work,
    Map<EntryKey, List<String>> unbuildable,
    Map<EntryKey, Set<PackageIdent>> declared) {

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
    declared = Map.copyOf(declared);
  }

  /** A stage whose plans' declared dependencies are only its edges. */
  public StagePlan(StageWork work, Map<EntryKey, List<String>> unbuildable) {
    this(work, unbuildable, Map.of());
  }

  /** A stage whose every entry may be built. */
  public static StagePlan of(StageWork work) {
    return new StagePlan(work, Map.of());
  }
}
