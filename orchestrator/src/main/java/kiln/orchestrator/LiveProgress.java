package kiln.orchestrator;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import kiln.resume.EntryKey;
import kiln.resume.EntryStatus;
import kiln.resume.StageName;

/**
 * Progress on a terminal: events scroll by as with {@link PlainProgress}, and below them a live
 * block, redrawn every second, with a bar of the stage's counts and one line per running build with
 * its time so far.
 */
public final class LiveProgress extends PlainProgress implements AutoCloseable {

  private static final int BAR = 30;

  private final Clock clock;
  private final Map<EntryKey, Instant> running = new LinkedHashMap<>();
  private final ScheduledExecutorService ticker;
  private StageName stage;
  private int drawn;

  public LiveProgress(PrintWriter out, Clock clock) {
    super(out);
    this.clock = clock;
    this.ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "kiln-progress");
              t.setDaemon(true);
              return t;
            });
    ticker.scheduleAtFixedRate(this::redraw, 1, 1, TimeUnit.SECONDS);
  }

  @Override
  public synchronized void stageStarted(StageName stage, int total, int done) {
    this.stage = stage;
    super.stageStarted(stage, total, done);
  }

  @Override
  public synchronized void buildStarted(StageName stage, EntryKey key, Path log, int attempt) {
    running.put(key, clock.instant());
    redraw();
  }

  @Override
  public synchronized void buildCutOff(StageName stage, EntryKey key, String why) {
    running.remove(key);
    super.buildCutOff(stage, key, why);
  }

  @Override
  public synchronized void buildFinished(
      StageName stage, EntryKey key, EntryStatus status, Path log, String why) {
    running.remove(key);
    super.buildFinished(stage, key, status, log, why);
  }

  @Override
  protected synchronized void line(String text) {
    erase();
    out.println(text);
    draw();
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
        "%s [%s%s%s] %d/%d built, %d failed or skipped%n",
        stage,
        "#".repeat(full),
        "x".repeat(marked),
        "-".repeat(BAR - full - marked),
        built,
        total,
        bad);
    drawn = 1;
    for (Map.Entry<EntryKey, Instant> build : running.entrySet()) {
      Duration took = Duration.between(build.getValue(), clock.instant());
      out.printf(
          "  building %s  %d:%02d%n", build.getKey(), took.toMinutes(), took.toSecondsPart());
      drawn++;
    }
    out.flush();
  }

  @Override
  public synchronized void stageFinished(StageResult result) {
    running.clear();
    super.stageFinished(result);
  }

  /** Stops redrawing and leaves the last block on screen. */
  @Override
  public void close() {
    ticker.shutdownNow();
  }
}
