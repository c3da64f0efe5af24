package kiln.orchestrator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import kiln.resume.EntryKey;
import kiln.resume.StageEntry;
import kiln.resume.StageWork;

/**
 * The longest chain of builds through a stage, each after the one it depends on: no number of
 * builders finishes the stage sooner.
 *
 * @param steps the chain's entries, first built first, each with its seconds
 * @param seconds the chain's total
 */
public record CriticalPath(List<Prediction.Step> steps, double seconds) {

  public CriticalPath {
    steps = List.copyOf(steps);
  }

  /** The longest chain when each entry takes {@code seconds}. */
  public static CriticalPath of(StageWork work, ToDoubleFunction<StageEntry> seconds) {
    Map<EntryKey, Double> finish = new HashMap<>();
    Map<EntryKey, EntryKey> after = new HashMap<>();
    Map<EntryKey, Double> own = new HashMap<>();
    EntryKey last = null;
    for (StageEntry entry : work.entries()) { // stage order: deps come first
      EntryKey longestDep = null;
      double start = 0;
      for (EntryKey dep : entry.deps()) {
        if (finish.get(dep) > start) {
          start = finish.get(dep);
          longestDep = dep;
        }
      }
      double takes = seconds.applyAsDouble(entry);
      own.put(entry.key(), takes);
      finish.put(entry.key(), start + takes);
      if (longestDep != null) {
        after.put(entry.key(), longestDep);
      }
      if (last == null || finish.get(entry.key()) > finish.get(last)) {
        last = entry.key();
      }
    }
    if (work.ordered() && !work.entries().isEmpty()) {
      // a base stage builds one entry at a time: its whole list is the path
      List<Prediction.Step> all = new ArrayList<>();
      work.entries().forEach(e -> all.add(new Prediction.Step(e.key(), own.get(e.key()))));
      return new CriticalPath(all, own.values().stream().mapToDouble(d -> d).sum());
    }
    List<Prediction.Step> steps = new ArrayList<>();
    for (EntryKey k = last; k != null; k = after.get(k)) {
      steps.add(new Prediction.Step(k, own.get(k)));
    }
    Collections.reverse(steps);
    return new CriticalPath(steps, last == null ? 0 : finish.get(last));
  }
}
