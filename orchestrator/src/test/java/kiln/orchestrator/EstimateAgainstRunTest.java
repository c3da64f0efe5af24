package kiln.orchestrator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import kiln.orchestrator.history.BuildHistory;
import kiln.orchestrator.progress.RunSummary;
import kiln.resume.RunJournal;
import kiln.resume.StageName;
import kiln.resume.StageWork;
import kiln.resume.WorkDirLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code kiln estimate} predicts from one run's ledger against the wall time of the next run,
 * on builds that take a set time (sleeps, so the machine's load does not decide): the history, the
 * parallelism and the scheduler's own overhead between builds must add up to within 25%. The demo
 * measured for real is in docs/performance.md.
 */
class EstimateAgainstRunTest {

  /** A demo-shaped stage3: twelve plans, two short chains, the rest on their own. */
  static final StageWork WORLD =
      Worlds.world(
          """
          zlib
          libgreet : zlib
          hello : libgreet
          motd : hello
          banner : libgreet
          wordcount
          xz
          gzip
          sed
          grep
          patch
          diffutils
          """);

  static final Map<String, Long> MILLIS =
      Map.ofEntries(
          Map.entry("zlib", 300L),
          Map.entry("libgreet", 200L),
          Map.entry("hello", 150L),
          Map.entry("motd", 100L),
          Map.entry("banner", 100L),
          Map.entry("wordcount", 200L),
          Map.entry("xz", 800L),
          Map.entry("gzip", 700L),
          Map.entry("sed", 1000L),
          Map.entry("grep", 600L),
          Map.entry("patch", 1000L),
          Map.entry("diffutils", 600L));

  @TempDir Path work;

  @Test
  void afterOneRunTheEstimatePredictsTheNextRunsWallTimeWithin25Percent() throws Exception {
    Duration first = run(EntryWeights.COUNT);
    BuildHistory history = BuildHistory.read(work);
    double predicted =
        RunSimulator.equalBuilders(2)
            .run(
                WORLD,
                history.weights(),
                e -> history.estimate(StageName.STAGE3, e.key().ident()).seconds())
            .makespanSeconds();
    Duration second = run(history.weights());
    double actual = second.toMillis() / 1000.0;
    assertTrue(
        Math.abs(predicted - actual) <= 0.25 * actual,
        String.format(
            "predicted %.2fs, the second run took %.2fs (the first %.2fs)",
            predicted, actual, first.toMillis() / 1000.0));
  }

  /** A new run of the stage on two builders; its wall time by the ledger. */
  private Duration run(EntryWeights weights) throws Exception {
    try (WorkDirLock lock = WorkDirLock.acquire(work);
        RunJournal journal = RunJournal.startNew(lock, Clock.systemUTC())) {
      FakeBuilder fake = new FakeBuilder(work.resolve("results"));
      EntryBuilder timed =
          (stage, entry, log) -> {
            Thread.sleep(MILLIS.get(entry.key().ident().name()));
            return fake.build(stage, entry, log);
          };
      new Scheduler(
              WORLD,
              journal,
              timed,
              new LogPaths(work),
              new SchedulerOptions(2, false, Optional.empty(), weights),
              Progress.SILENT)
          .run();
      return RunSummary.wallTime(journal.state().stage(StageName.STAGE3)).orElseThrow();
    }
  }
}
