package kiln.orchestrator;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import kiln.orchestrator.history.BuildHistory;
import kiln.orchestrator.progress.DurationText;
import kiln.orchestrator.progress.HostBoard;
import kiln.orchestrator.progress.HostLines;
import kiln.orchestrator.progress.StageWatch;
import kiln.resume.EntryKey;
import kiln.resume.EntryStatus;
import kiln.resume.HostEvent;
import kiln.resume.StageName;
import kiln.resume.StageWork;

/**
 * Progress as plain lines, for logs and pipes: one line per event, the counts in front, and the
 * tail of each failed build's log. With a build history, each build is told against its estimate,
 * each finished build with the stage's time so far and its ETA, and a build running three times its
 * estimate with a line of its own ({@link #tick}, every {@link #TICK} once {@link #start}ed).
 */
public class PlainProgress implements Progress, AutoCloseable {

  /** How many lines of a failed build's log to show. */
  static final int TAIL = 20;

  /** How often a started plain display looks for overdue builds. */
  public static final Duration TICK = Duration.ofSeconds(15);

  protected final PrintWriter out;
  protected final Clock clock;
  protected final Map<EntryStatus, Integer> counts = new EnumMap<>(EntryStatus.class);
  protected int total;
  private final BuildHistory history;
  private ScheduledExecutorService ticker;
  protected StageWatch watch;
  private final Map<EntryKey, String> hosts = new java.util.HashMap<>();
  protected final HostBoard hostBoard = new HostBoard();

  /** Plain lines with no estimates. */
  public PlainProgress(PrintWriter out) {
    this(out, Clock.systemUTC(), BuildHistory.of(List.of()));
  }

  /**
   * @param clock what times builds and stages
   * @param history where each build's estimate comes from (empty: no estimates, no ETA)
   */
  public PlainProgress(PrintWriter out, Clock clock, BuildHistory history) {
    this.out = out;
    this.clock = clock;
    this.history = history;
  }

  /** Calls {@link #tick} every {@code every} on a thread of its own, until {@link #close}. */
  public synchronized PlainProgress start(Duration every) {
    if (ticker == null) {
      ticker =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "kiln-progress");
                t.setDaemon(true);
                return t;
              });
      long millis = every.toMillis();
      ticker.scheduleAtFixedRate(this::tick, millis, millis, TimeUnit.MILLISECONDS);
    }
    return this;
  }

  @Override
  public synchronized void stageStarted(StageWork work, Map<EntryKey, EntryStatus> now, int jobs) {
    watch = new StageWatch(work, now, jobs, history, clock.instant());
    Progress.super.stageStarted(work, now, jobs);
  }

  @Override
  public synchronized void stageStarted(StageName stage, int total, int done) {
    this.total = total;
    counts.clear();
    counts.put(EntryStatus.BUILT, done);
    String expected =
        eta().map(d -> "; about " + DurationText.words(d) + " to build them").orElse("");
    line(stage + ": " + total + " plan(s), " + done + " already built or set aside" + expected);
  }

  @Override
  public synchronized void stageHosts(StageName stage, List<String> names) {
    hostBoard.hosts(names);
  }

  @Override
  public synchronized void buildPlaced(StageName stage, EntryKey key, String host) {
    hosts.put(key, host);
    hostBoard.placed(key, host);
  }

  @Override
  public synchronized void hostChanged(HostEvent event) {
    hostBoard.changed(event);
    line("kiln: " + HostLines.of(event));
  }

  @Override
  public synchronized void buildStarted(StageName stage, EntryKey key, Path log, int attempt) {
    if (watch != null) {
      watch.started(key, clock.instant());
    }
    String on = hosts.containsKey(key) ? " on " + hosts.remove(key) : "";
    line(
        prefix(stage)
            + "building "
            + key
            + on
            + (attempt > 1 ? " (attempt " + attempt + ")" : "")
            + estimateOf(key).map(e -> " (estimate " + DurationText.words(e) + ")").orElse(""));
  }

  @Override
  public synchronized void buildCutOff(StageName stage, EntryKey key, String why) {
    hostBoard.ended(key);
    if (watch != null) {
      watch.finished(key, EntryStatus.QUEUED, clock.instant()); // no verdict: not in the pace
    }
    line(prefix(stage) + "queued " + key + " again: " + why);
  }

  @Override
  public synchronized void buildFinished(
      StageName stage, EntryKey key, EntryStatus status, Path log, String why) {
    counts.merge(status, 1, Integer::sum);
    hostBoard.ended(key);
    Duration took = watch == null ? Duration.ZERO : watch.finished(key, status, clock.instant());
    if (status == EntryStatus.BUILT) {
      line(prefix(stage) + "built " + key + tookText(key, took) + stageTime());
      return;
    }
    StringBuilder text = new StringBuilder(prefix(stage));
    text.append(status == EntryStatus.FAILED ? "FAILED " : "TIMED OUT ").append(key);
    text.append(": ").append(why).append("\n  log: ").append(log);
    if (watch != null) {
      text.append("\n  ran").append(tookText(key, took).substring(" in".length()));
    }
    for (String line : LogTail.of(log, TAIL)) {
      text.append("\n  | ").append(line);
    }
    line(text.toString());
  }

  @Override
  public synchronized void skipped(StageName stage, EntryKey key, String reason) {
    counts.merge(EntryStatus.SKIPPED, 1, Integer::sum);
    if (watch != null) {
      watch.finished(key, EntryStatus.SKIPPED, clock.instant());
    }
    line(prefix(stage) + "skipped " + key + ": " + reason);
  }

  @Override
  public synchronized void artifactGone(StageName stage, EntryKey key, Path artifact) {
    line(stage + ": " + artifact + " is missing or changed; " + key + " will be built again");
  }

  @Override
  public synchronized void note(String text) {
    line(text);
  }

  @Override
  public synchronized void stageFinished(StageResult result) {
    String took = watch == null ? "" : " in " + DurationText.words(watch.elapsed(clock.instant()));
    line(
        String.format(
            "%s: %d built, %d failed, %d skipped, %d timed out, %d pending%s",
            result.stage(),
            result.count(EntryStatus.BUILT),
            result.count(EntryStatus.FAILED),
            result.count(EntryStatus.SKIPPED),
            result.count(EntryStatus.TIMED_OUT),
            result.count(EntryStatus.QUEUED),
            took));
    watch = null;
  }

  /** Tells each running build that has just passed three times its estimate, once. */
  public synchronized void tick() {
    if (watch == null) {
      return;
    }
    for (StageWatch.RunningBuild build : watch.newlyOverdue(clock.instant())) {
      line(
          String.format(
              "%s%s has run %s, %s times its estimate of %s: is it stuck? (its log shows)",
              prefix(watch.stage()),
              build.key(),
              DurationText.words(build.elapsed()),
              (int) StageWatch.OVERDUE,
              DurationText.words(build.estimate().orElseThrow())));
    }
  }

  /** {@code [stage3 12/40] }: entries finished so far of the stage's total. */
  protected String prefix(StageName stage) {
    int finished = counts.values().stream().mapToInt(Integer::intValue).sum();
    return "[" + stage + " " + finished + "/" + total + "] ";
  }

  /** The stage's ETA now; empty without estimates or a stage. */
  protected Optional<Duration> eta() {
    return watch == null ? Optional.empty() : watch.eta(clock.instant());
  }

  /** {@code ; stage3 4m 10s in, about 2m 30s left}. */
  private String stageTime() {
    return watch == null ? "" : "; " + watch.stage() + " " + stageClock();
  }

  /** {@code 4m 10s in, about 2m 30s left}: the stage's time so far, and its ETA when known. */
  protected String stageClock() {
    return DurationText.words(watch.elapsed(clock.instant()))
        + " in"
        + eta().map(d -> ", about " + DurationText.words(d) + " left").orElse("");
  }

  private Optional<Duration> estimateOf(EntryKey key) {
    return watch == null ? Optional.empty() : watch.estimate(key);
  }

  private String tookText(EntryKey key, Duration took) {
    if (watch == null) {
      return "";
    }
    return " in "
        + DurationText.words(took)
        + estimateOf(key).map(e -> " (estimate " + DurationText.words(e) + ")").orElse("");
  }

  /** Prints one event. */
  protected void line(String text) {
    out.println(text);
    out.flush();
  }

  /** Stops the ticks, if started. */
  @Override
  public synchronized void close() {
    if (ticker != null) {
      ticker.shutdownNow();
    }
  }
}
