package kiln.orchestrator.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import kiln.orchestrator.Progress;
import kiln.orchestrator.StageResult;
import kiln.orchestrator.status.RunStatus;
import kiln.resume.EntryKey;
import kiln.resume.EntryStatus;
import kiln.resume.HostEvent;
import kiln.resume.RunJournal;
import kiln.resume.RunState;
import kiln.resume.StageName;
import kiln.world.IoFailures;

/**
 * The report kept up to date during a run ({@code kiln bootstrap --report DIR}): the page is
 * written again when a stage starts or ends and when a build starts or finishes, at most once per
 * {@code every} (a burst of events writes once; the end of a stage always writes), from the ledger
 * as recorded. While the run goes on the page reloads itself; {@link #finish} writes the last page,
 * without the reload. A page that cannot be written is said once and the run goes on: the report is
 * a view, never a reason to stop builds.
 */
public final class LiveReport implements Progress {

  private final ReportFolder folder;
  private final Supplier<RunState> run;
  private final Path ledger;
  private final Clock clock;
  private final Duration every;
  private final Consumer<String> warnings;
  private Instant written;
  private boolean warned;

  /**
   * @param run the run as recorded so far
   * @param ledger the run's ledger file
   * @param clock when to write again
   * @param every the least time between two writes, but at a stage's end
   * @param warnings where the one line about a page that cannot be written goes
   */
  public LiveReport(
      ReportFolder folder,
      Supplier<RunState> run,
      Path ledger,
      Clock clock,
      Duration every,
      Consumer<String> warnings) {
    this.folder = folder;
    this.run = run;
    this.ledger = ledger;
    this.clock = clock;
    this.every = every;
    this.warnings = warnings;
  }

  /** A live report of the journal's run in {@code folder}, written at most once a second. */
  public static LiveReport of(Path folder, RunJournal journal, Consumer<String> warnings) {
    Clock clock = Clock.systemUTC();
    return new LiveReport(
        ReportFolder.of(folder, clock, true),
        journal::state,
        journal.file(),
        clock,
        Duration.ofSeconds(1),
        warnings);
  }

  @Override
  public void stageStarted(StageName stage, int total, int done) {
    write(true, false);
  }

  @Override
  public void buildStarted(StageName stage, EntryKey key, Path log, int attempt) {
    write(true, false);
  }

  @Override
  public void buildFinished(
      StageName stage, EntryKey key, EntryStatus status, Path log, String why) {
    write(true, false);
  }

  @Override
  public void hostChanged(HostEvent event) {
    write(true, false);
  }

  @Override
  public void stageFinished(StageResult result) {
    write(true, true);
  }

  /** The run stopped (done, failed or interrupted): the last page, which no longer reloads. */
  public void finish() {
    write(false, true);
  }

  private void write(boolean running, boolean always) {
    Instant now = clock.instant();
    if (!always && written != null && now.isBefore(written.plus(every))) {
      return;
    }
    Optional<Long> pid = running ? Optional.of(ProcessHandle.current().pid()) : Optional.empty();
    try {
      folder.write(RunStatus.of(run.get(), ledger, pid));
      written = now;
    } catch (IOException e) {
      if (!warned) {
        warned = true;
        warnings.accept(
            IoFailures.message("cannot write the report in " + folder.folder(), e)
                + "; the run goes on without it");
      }
    }
  }
}
