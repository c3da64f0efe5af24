package kiln.resume;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The stage hooks of one stage as the ledger has them: the latest run of each hook, and what was
 * recorded after it, which is all resuming needs (did the stage change since its after-stage hook
 * ran? is the before-stage hook of the builds now running done?).
 *
 * @param latest the latest run of each hook, in the order those runs were last recorded
 * @param changedSince the hooks whose latest run is older than a record of one of the stage's
 *     entries (a build started, a plan queued or skipped again)
 */
public record StageHookRuns(List<HookRun> latest, Set<String> changedSince) {

  /** No hook ran. */
  public static final StageHookRuns NONE = new StageHookRuns(List.of(), Set.of());

  public StageHookRuns {
    latest = List.copyOf(latest);
    changedSince = Set.copyOf(changedSince);
  }

  /** The latest run of {@code hook}, if it ever ran in the stage. */
  public Optional<HookRun> latest(String hook) {
    return latest.stream().filter(run -> run.hook().equals(hook)).findFirst();
  }

  /** True when the latest run of {@code hook} was recorded after every run of {@code other}. */
  public boolean ranAfter(String hook, String other) {
    int mine = indexOf(hook);
    return mine >= 0 && mine > indexOf(other);
  }

  /** True when one of the stage's entries changed after the latest run of {@code hook}. */
  public boolean stageChangedSince(String hook) {
    return changedSince.contains(hook);
  }

  private int indexOf(String hook) {
    for (int i = 0; i < latest.size(); i++) {
      if (latest.get(i).hook().equals(hook)) {
        return i;
      }
    }
    return -1;
  }
}
