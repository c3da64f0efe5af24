package kiln.orchestrator.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import kiln.orchestrator.FakeBuilder;
import kiln.orchestrator.LogPaths;
import kiln.orchestrator.Progress;
import kiln.orchestrator.Scheduler;
import kiln.orchestrator.SchedulerOptions;
import kiln.orchestrator.TickingClock;
import kiln.orchestrator.Worlds;
import kiln.orchestrator.status.RunStatus;
import kiln.resume.RunJournal;
import kiln.resume.WorkDirLock;

/** Runs recorded by the real scheduler and journal, for the report's tests. */
final class ReportRuns {

  static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  /** The failing plan: its settings are markup, which the report must show as text. */
  static final String FAILING = "t/b X=<i>&amp;</i>";

  /** What the failing build printed last: markup and a terminal colour code. */
  static final String HOSTILE_TAIL = "<script>document.title='owned'</script>\u001b[31mred";

  private ReportRuns() {}

  /**
   * a built, b failed (its log ending in {@link #HOSTILE_TAIL}), c skipped for it, d timed out,
   * stopped before e; one build at a time, the clock ticking 1s per reading.
   */
  static RunStatus runWithAFailure(Path work) throws Exception {
    try (WorkDirLock lock = WorkDirLock.acquire(work);
        RunJournal journal = RunJournal.resume(lock, new TickingClock(T0, Duration.ofSeconds(1)))) {
      FakeBuilder builder = new FakeBuilder(work.resolve("results")).failing(FAILING);
      builder.timingOut.add("t/d");
      new Scheduler(
              Worlds.world("a\nb X=<i>&amp;</i>: a\nc: b\nd\ne"),
              journal,
              builder,
              new LogPaths(work),
              new SchedulerOptions(1, false, Optional.of("e")),
              Progress.SILENT)
          .run();
    }
    RunStatus status =
        RunStatus.of(RunJournal.read(work).orElseThrow(), work.resolve("ledger"), Optional.empty());
    Path failedLog = status.stages().get(0).plans().get(1).state().log();
    Files.writeString(failedLog, HOSTILE_TAIL + "\n", StandardOpenOption.APPEND);
    return status;
  }
}
