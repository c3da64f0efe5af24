package kiln.resume;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Folds records into the state they describe; the journal keeps one up to date as it writes. */
final class StateBuilder {

  private final Map<StageName, StageWork> works = new EnumMap<>(StageName.class);
  private final Map<StageName, Map<EntryKey, EntryState>> entries = new EnumMap<>(StageName.class);
  private final Map<StageName, Set<String>> passed = new EnumMap<>(StageName.class);
  private final Map<StageName, LinkedHashMap<String, HookRun>> hooks =
      new EnumMap<>(StageName.class);
  private final Map<StageName, Set<String>> hooksChangedSince = new EnumMap<>(StageName.class);
  private final List<HostEvent> hostEvents = new ArrayList<>();
  private int sessionFrom;
  private String runId;

  void apply(JournalCodec.Record record) {
    if (record instanceof JournalCodec.RunRecord run) {
      runId = run.runId();
      sessionFrom = hostEvents.size();
    } else if (record instanceof JournalCodec.SessionRecord) {
      sessionFrom = hostEvents.size();
    } else if (record instanceof JournalCodec.HostRecord host) {
      hostEvents.add(host.event());
    } else if (record instanceof JournalCodec.StageRecord stage) {
      apply(stage.work());
    } else if (record instanceof JournalCodec.PlanRecord plan) {
      apply(plan.transition(), plan.at());
    } else if (record instanceof JournalCodec.CheckRecord check) {
      passed(check.stage(), check.passed());
    } else if (record instanceof JournalCodec.HookRecord hook) {
      apply(hook.run());
    }
  }

  void apply(StageWork work) {
    works.put(work.stage(), work);
  }

  void apply(Transition t, Instant at) {
    Map<EntryKey, EntryState> stage =
        entries.computeIfAbsent(t.stage(), s -> new LinkedHashMap<>());
    stage.put(t.key(), stage.getOrDefault(t.key(), EntryState.NEW).after(t, at));
    LinkedHashMap<String, HookRun> ran = hooks.get(t.stage());
    if (ran != null) {
      hooksChangedSince.computeIfAbsent(t.stage(), s -> new HashSet<>()).addAll(ran.keySet());
    }
  }

  /** A stage hook's run: the latest of that hook, moved to the end of the stage's order. */
  void apply(HookRun run) {
    LinkedHashMap<String, HookRun> ran =
        hooks.computeIfAbsent(run.stage(), s -> new LinkedHashMap<>());
    ran.remove(run.hook());
    ran.put(run.hook(), run);
    Set<String> changed = hooksChangedSince.get(run.stage());
    if (changed != null) {
      changed.remove(run.hook());
    }
  }

  /** A host record written by this session. */
  void apply(HostEvent event) {
    hostEvents.add(event);
  }

  StageHookRuns hooks(StageName stage) {
    LinkedHashMap<String, HookRun> ran = hooks.get(stage);
    return ran == null
        ? StageHookRuns.NONE
        : new StageHookRuns(
            List.copyOf(ran.values()), hooksChangedSince.getOrDefault(stage, Set.of()));
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
    return new RunState(runId, stages, recovery, new RunHosts(hostEvents, sessionFrom));
  }
}
