package kiln.resume;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Folds records into the state they describe; the journal keeps one up to date as it writes. */
final class StateBuilder {

  private final Map<StageName, StageWork> works = new EnumMap<>(StageName.class);
  private final Map<StageName, Map<EntryKey, EntryState>> entries = new EnumMap<>(StageName.class);
  private final Map<StageName, Set<String>> passed = new EnumMap<>(StageName.class);
  private String runId;

  void apply(JournalCodec.Record record) {
    if (record instanceof JournalCodec.RunRecord run) {
      runId = run.runId();
    } else if (record instanceof JournalCodec.StageRecord stage) {
      apply(stage.work());
    } else if (record instanceof JournalCodec.PlanRecord plan) {
      apply(plan.transition(), plan.at());
    } else if (record instanceof JournalCodec.CheckRecord check) {
      passed(check.stage(), check.passed());
    }
  }

  void apply(StageWork work) {
    works.put(work.stage(), work);
  }

  void apply(Transition t, Instant at) {
    Map<EntryKey, EntryState> stage =
        entries.computeIfAbsent(t.stage(), s -> new LinkedHashMap<>());
    stage.put(t.key(), stage.getOrDefault(t.key(), EntryState.NEW).after(t, at));
  }

  void passed(StageName stage, java.util.Collection<String> sha256s) {
    passed.computeIfAbsent(stage, s -> new LinkedHashSet<>()).addAll(sha256s);
  }

  String runId() {
    return runId;
  }

  Optional<StageWork> work(StageName stage) {
    return Optional.ofNullable(works.get(stage));
  }

  EntryState entry(StageName stage, EntryKey key) {
    return entries.getOrDefault(stage, Map.of()).getOrDefault(key, EntryState.NEW);
  }

  RunState snapshot(Recovery recovery) {
    Map<StageName, StageState> stages = new EnumMap<>(StageName.class);
    for (StageName stage : StageName.values()) {
      if (works.containsKey(stage) || entries.containsKey(stage)) {
        stages.put(
            stage,
            new StageState(
                stage,
                Optional.ofNullable(works.get(stage)),
                entries.getOrDefault(stage, new LinkedHashMap<>()),
                passed.getOrDefault(stage, Set.of())));
      }
    }
    return new RunState(runId, stages, recovery);
  }
}
