package kiln.orchestrator;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import kiln.orchestrator.history.BuildHistory;
import kiln.orchestrator.progress.DurationText;
import kiln.orchestrator.progress.StageWatch;
import kiln.resume.EntryKey;
import kiln.resume.EntryStatus;
import kiln.resume.StageName;

/**
 * Progress on a terminal: events scroll by as with {@link PlainProgress}, and below them a live
 * block, redrawn every second: a bar of the stage's counts with its time so far and its ETA, and
 * one line per running build with its time against its estimate ({@code demo/zlib 0:42/1:10}), a
 * build at three times its estimate flagged; in a run over build hosts, a line of what each host
 * does ({@code hosts: e1: demo/zlib · e2: idle · doomed: lost}).
 */
public final class LiveProgress extends PlainProgress {

  private static final int BAR = 30;

  private StageName stage;
  private int drawn;

  /** A live display with no estimates. */
  public LiveProgress(PrintWriter out, Clock clock) {
    this(out, clock, BuildHistory.of(List.of()));
  }

  /**
   * @param history where each build's estimate comes from (empty: no estimates, no ETA)
   */
  public LiveProgress(PrintWriter out, Clock clock, BuildHistory history) {
    super(out, clock, history);
  }

  /** Redraws the block every second. */
  public LiveProgress start() {
    start(Duration.ofSeconds(1));
    return this;
  }

  @Override
  public synchronized void stageStarted(StageName stage, int total, int done) {
    this.stage = stage;
    super.stageStarted(stage, total, done);
  }

  @Override
  public synchronized void buildStarted(StageName stage, EntryKey key, Path log, int attempt) {
    if (watch != null) {
      watch.started(key, clock.instant());
    }
    redraw();
  }

  @Override
  protected synchronized void line(String text) {
    erase();
    out.println(text);
    draw();
  }

  @Override
  public synchronized void tick() {
    redraw();
  }

  private synchronized void redraw() {
    erase();
    draw();
  }

  private void erase() {
    if (drawn > 0) {
      out.print("\033[" + drawn + "F\033[J"); // up to the block's first line, clear to the end
      drawn = 0;
    }
  }

  private void draw() {
    if (stage == null || total == 0) {
      out.flush();
      return;
    }
    int built = counts.getOrDefault(EntryStatus.BUILT, 0);
    int bad = counts.values().stream().mapToInt(Integer::intValue).sum() - built;
    int full = BAR * built / total;
    int marked = Math.min(BAR - full, (BAR * bad + total - 1) / total);
    out.printf(
        "%s [%s%s%s] %d/%d built, %d failed or skipped%s%n",
        stage,
        "#".repeat(full),
        "x".repeat(marked),
        "-".repeat(BAR - full - marked),
        built,
        total,
        bad,
        watch == null ? "" : ", " + stageClock());
    drawn = 1;
    Optional<String> hostsLine = hostBoard.line();
    if (hostsLine.isPresent()) {
      out.printf("  hosts: %s%n", hostsLine.get());
      drawn++;
    }
    if (watch != null) {
      for (StageWatch.RunningBuild build : watch.running(clock.instant())) {
        out.printf("  building %s%n", runningText(build));
        drawn++;
      }
    }
    out.flush();
  }

  /** {@code demo/zlib 0:42/1:10}, and when overdue {@code 3x its estimate: stuck?}. */
  static String runningText(StageWatch.RunningBuild build) {
    return build.key()
        + " "
        + DurationText.clock(build.elapsed())
        + build.estimate().map(e -> "/" + DurationText.clock(e)).orElse("")
        + (build.overdue()
            ? "  over " + (int) StageWatch.OVERDUE + "x its estimate: stuck? (see its log)"
            : "");
  }

  @Override
  public synchronized void stageFinished(StageResult result) {
    super.stageFinished(result);
  }
}
