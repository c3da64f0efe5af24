package kiln.orchestrator.progress;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import kiln.orchestrator.CriticalPath;
import kiln.orchestrator.Prediction;
import kiln.resume.Attempt;
import kiln.resume.EntryKey;
import kiln.resume.EntryStatus;
import kiln.resume.RunState;
import kiln.resume.StageName;
import kiln.resume.StageState;
import kiln.resume.StageWork;

/**
 * What {@code kiln bootstrap} prints at its end, from the ledger: per stage what was built, failed,
 * skipped and timed out and how long the stage took, the total time, the longest builds, and the
 * critical path of each world stage with its builds' times.
 *
 * @param runId the run
 * @param stages each stage the run started, in stage order
 * @param total how long this kiln worked on the run
 * @param span from the run's first build's start to its last build's end, across the kilns that
 *     worked on it (empty: no build ended)
 * @param longest the longest builds of the run, longest first, at most {@link #LONGEST}
 * @param paths for each world stage (not built in list order), the longest chain of its builds
 */
public record RunSummary(
    String runId,
    List<StageLine> stages,
    Duration total,
    Optional<Duration> span,
    List<Build> longest,
    List<StagePath> paths) {

  /** How many of the longest builds are named. */
  public static final int LONGEST = 5;

  public RunSummary {
    stages = List.copyOf(stages);
    longest = List.copyOf(longest);
    paths = List.copyOf(paths);
  }

  /**
   * One stage's counts and time.
   *
   * @param took from its first build's start to its last build's end (empty: nothing ran)
   */
  public record StageLine(
      StageName stage, int built, int failed, int skipped, int timedOut, Optional<Duration> took) {}

  /** One build: the stage, the entry and how long its latest attempt took. */
  public record Build(StageName stage, EntryKey key, Duration took) {}

  /** A world stage's critical path: its builds, first built first, and their total. */
  public record StagePath(StageName stage, CriticalPath path) {}

  /**
   * The summary of a run as its ledger has it.
   *
   * @param total how long this kiln worked on the run
   */
  public static RunSummary of(RunState run, Duration total) {
    List<StageLine> lines = new ArrayList<>();
    List<Build> builds = new ArrayList<>();
    List<StagePath> paths = new ArrayList<>();
    for (StageState stage : run.stages().values()) {
      if (stage.work().isEmpty()) {
        continue;
      }
      StageWork work = stage.work().get();
      var counts = stage.counts();
      lines.add(
          new StageLine(
              stage.stage(),
              counts.get(EntryStatus.BUILT),
              counts.get(EntryStatus.FAILED),
              counts.get(EntryStatus.SKIPPED),
              counts.get(EntryStatus.TIMED_OUT),
              wallTime(stage)));
      for (EntryKey key : stage.planSet()) {
        builtTime(stage, key).ifPresent(took -> builds.add(new Build(stage.stage(), key, took)));
      }
      if (!work.ordered() && !work.entries().isEmpty()) {
        CriticalPath path =
            CriticalPath.of(
                work, e -> builtTime(stage, e.key()).map(d -> d.toMillis() / 1000.0).orElse(0.0));
        paths.add(new StagePath(stage.stage(), path));
      }
    }
    builds.sort(Comparator.comparing(Build::took).reversed());
    return new RunSummary(
        run.runId(),
        lines,
        total,
        wallTime(List.copyOf(run.stages().values())),
        builds.subList(0, Math.min(LONGEST, builds.size())),
        paths);
  }

  /**
   * How long a stage took by its ledger: from the first start of a build of its plan set to the
   * last end, over every attempt of the run; empty when no build of it ended.
   */
  public static Optional<Duration> wallTime(StageState stage) {
    return wallTime(List.of(stage));
  }

  /**
   * {@link #wallTime(StageState)} over several stages: their first build's start to the last end.
   */
  static Optional<Duration> wallTime(List<StageState> stages) {
    Instant first = null;
    Instant last = null;
    for (StageState stage : stages) {
      for (EntryKey key : stage.planSet()) {
        for (Attempt attempt : stage.entry(key).attempts()) {
          if (first == null || attempt.started().isBefore(first)) {
            first = attempt.started();
          }
          Instant end = attempt.endedIfKnown().orElse(null);
          if (end != null && (last == null || end.isAfter(last))) {
            last = end;
          }
        }
      }
    }
    return first == null || last == null
        ? Optional.empty()
        : Optional.of(Duration.between(first, last));
  }

  /** How long the entry's latest attempt took, when it built. */
  private static Optional<Duration> builtTime(StageState stage, EntryKey key) {
    var entry = stage.entry(key);
    if (entry.status() != EntryStatus.BUILT || entry.attempts().isEmpty()) {
      return Optional.empty();
    }
    Attempt last = entry.attempts().get(entry.attempts().size() - 1);
    return last.outcome() == Attempt.Outcome.BUILT ? last.duration() : Optional.empty();
  }

  /** The summary as {@code kiln bootstrap} prints it. */
  public String text() {
    StringBuilder text = new StringBuilder("summary of run ").append(runId).append(":\n");
    for (StageLine s : stages) {
      text.append(
          String.format(
              "  %s: %d built, %d failed, %d skipped, %d timed out%s%n",
              s.stage(),
              s.built(),
              s.failed(),
              s.skipped(),
              s.timedOut(),
              s.took().map(d -> " in " + DurationText.words(d)).orElse("")));
    }
    text.append("  total: ").append(DurationText.words(total)).append(" for this kiln");
    span.filter(d -> d.compareTo(total) > 0)
        .ifPresent(
            d ->
                text.append(", ")
                    .append(DurationText.words(d))
                    .append(" from the run's first build to its last"));
    text.append('\n');
    if (!longest.isEmpty()) {
      text.append("  longest builds:\n");
      for (Build b : longest) {
        text.append("    ")
            .append(DurationText.words(b.took()))
            .append("  ")
            .append(b.stage())
            .append(' ')
            .append(b.key())
            .append('\n');
      }
    }
    for (StagePath p : paths) {
      text.append("  critical path of ")
          .append(p.stage())
          .append(" (")
          .append(DurationText.words(p.path().seconds()))
          .append("): ");
      List<String> steps = new ArrayList<>();
      for (Prediction.Step step : p.path().steps()) {
        steps.add(step.key() + " " + DurationText.words(step.seconds()));
      }
      text.append(String.join(" -> ", steps)).append('\n');
    }
    return text.toString();
  }
}
