package kiln.orchestrator.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kiln.orchestrator.EntryWeights;
import kiln.resume.Attempt;
import kiln.resume.EntryKey;
import kiln.resume.EntryState;
import kiln.resume.JournalException;
import kiln.resume.RunJournal;
import kiln.resume.RunState;
import kiln.resume.StageName;
import kiln.resume.StageState;
import kiln.world.PackageIdent;

/**
 * Every successful build's duration, per stage and plan ({@code origin/name}), across all the runs
 * of a work directory. It is derived from the ledgers each time, never stored apart: it cannot
 * disagree with them, and it is as crash-safe as they are.
 */
public final class BuildHistory {

  /** How much each older build weighs against the one after it. */
  private static final double AGEING = 0.5;

  /** Older builds than this many weigh next to nothing and are not looked at. */
  private static final int RECENT = 8;

  /**
   * Added to every weight so that chains equal in seconds are told apart by how many builds they
   * hold, as the scheduler does without history: a microsecond per build.
   */
  static final double PER_BUILD = 1e-6;

  private final Map<StageName, Map<PackageIdent, List<Double>>> seconds;
  private final Map<StageName, Double> stageMedians = new EnumMap<>(StageName.class);
  private final double median;

  private BuildHistory(Map<StageName, Map<PackageIdent, List<Double>>> seconds) {
    this.seconds = seconds;
    List<Double> all = new ArrayList<>();
    seconds.forEach(
        (stage, plans) -> {
          List<Double> own = plans.values().stream().map(BuildHistory::weighted).toList();
          stageMedians.put(stage, medianOf(own));
          all.addAll(own);
        });
    this.median = medianOf(all);
  }

  /** Reads the ledgers of every run in {@code workDir}: none yet is an empty history. */
  public static BuildHistory read(java.nio.file.Path workDir) throws JournalException {
    List<RunState> runs = new ArrayList<>();
    for (String run : RunJournal.runs(workDir)) {
      runs.add(RunJournal.read(workDir, run));
    }
    return of(runs);
  }

  /** The successful attempts of these runs, each plan's oldest first. */
  public static BuildHistory of(List<RunState> runs) {
    record Build(Instant started, double seconds) {}
    Map<StageName, Map<PackageIdent, List<Build>>> builds = new EnumMap<>(StageName.class);
    for (RunState run : runs) {
      for (Map.Entry<StageName, StageState> stage : run.stages().entrySet()) {
        for (Map.Entry<EntryKey, EntryState> entry : stage.getValue().entries().entrySet()) {
          for (Attempt attempt : entry.getValue().attempts()) {
            if (attempt.outcome() == Attempt.Outcome.BUILT && attempt.duration().isPresent()) {
              builds
                  .computeIfAbsent(stage.getKey(), s -> new HashMap<>())
                  .computeIfAbsent(entry.getKey().ident().originAndName(), i -> new ArrayList<>())
                  .add(new Build(attempt.started(), attempt.duration().get().toMillis() / 1000.0));
            }
          }
        }
      }
    }
    Map<StageName, Map<PackageIdent, List<Double>>> seconds = new EnumMap<>(StageName.class);
    builds.forEach(
        (stage, plans) -> {
          Map<PackageIdent, List<Double>> times = new HashMap<>();
          plans.forEach(
              (ident, list) ->
                  times.put(
                      ident,
                      list.stream()
                          .sorted(Comparator.comparing(Build::started))
                          .map(Build::seconds)
                          .toList()));
          seconds.put(stage, times);
        });
    return new BuildHistory(seconds);
  }

  /** One build per plan, as a durations file gives them ({@code ident seconds} lines). */
  public static BuildHistory ofSeconds(StageName stage, Map<PackageIdent, Double> durations) {
    Map<PackageIdent, List<Double>> times = new HashMap<>();
    durations.forEach((ident, s) -> times.put(ident.originAndName(), List.of(s)));
    Map<StageName, Map<PackageIdent, List<Double>>> seconds = new EnumMap<>(StageName.class);
    if (!times.isEmpty()) {
      seconds.put(stage, times);
    }
    return new BuildHistory(seconds);
  }

  /** True when no build ever succeeded: every estimate has the basis {@code none}. */
  public boolean isEmpty() {
    return seconds.isEmpty();
  }

  /** The successful builds of a plan in a stage, in seconds, oldest first. */
  public List<Double> builds(StageName stage, PackageIdent ident) {
    return seconds.getOrDefault(stage, Map.of()).getOrDefault(ident.originAndName(), List.of());
  }

  /**
   * How long a plan's next build in a stage should take: from its own builds when it has any, else
   * the median of its stage, else the median of all.
   */
  public Estimate estimate(StageName stage, PackageIdent ident) {
    List<Double> own = builds(stage, ident);
    if (!own.isEmpty()) {
      return new Estimate(weighted(own), Estimate.Basis.HISTORY);
    }
    Double stageMedian = stageMedians.get(stage);
    if (stageMedian != null) {
      return new Estimate(stageMedian, Estimate.Basis.STAGE_MEDIAN);
    }
    return isEmpty() ? Estimate.NONE : new Estimate(median, Estimate.Basis.MEDIAN);
  }

  /**
   * The scheduler's weights: each entry's estimate in seconds, so the ready entry with the longest
   * estimated path to the end of its stage goes first, ties going to the longer chain in builds.
   * With no history at all, every entry weighs one build, as without this.
   */
  public EntryWeights weights() {
    if (isEmpty()) {
      return EntryWeights.COUNT;
    }
    return (stage, entry) -> estimate(stage, entry.key().ident()).seconds() + PER_BUILD;
  }

  /** The newest build weighs most, each older one half the one after it. */
  private static double weighted(List<Double> oldestFirst) {
    double sum = 0;
    double weights = 0;
    double weight = 1;
    for (int i = oldestFirst.size() - 1; i >= Math.max(0, oldestFirst.size() - RECENT); i--) {
      sum += weight * oldestFirst.get(i);
      weights += weight;
      weight *= AGEING;
    }
    return sum / weights;
  }

  private static double medianOf(List<Double> values) {
    if (values.isEmpty()) {
      return 0;
    }
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
