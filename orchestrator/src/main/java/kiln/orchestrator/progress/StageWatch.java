package kiln.orchestrator.progress;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kiln.orchestrator.EntryWeights;
import kiln.orchestrator.RunSimulator;
import kiln.orchestrator.history.BuildHistory;
import kiln.orchestrator.history.Estimate;
import kiln.resume.EntryKey;
import kiln.resume.EntryStatus;
import kiln.resume.StageEntry;
import kiln.resume.StageName;
import kiln.resume.StageWork;

/**
 * One stage's clock while it runs: when it started, each running build's time against its estimate,
 * and when the stage should end. The ETA is {@link RunSimulator#remaining} on what is left, with
 * the run's number of builders and the builds' estimates from the history, scaled by the run's
 * {@link Pace} (how much slower or faster than estimated its builds are); it is worked out again
 * when a build ends, and at most every {@link #RECOMPUTE} in between (so a build running past its
 * estimate pushes it back). Not thread-safe: the progress display owns it.
 */
public final class StageWatch {

  /** A build running this many times its estimate is flagged... */
  public static final double OVERDUE = 3;

  /**
   * ... once it has run this long: a build of seconds taking three times as long on a busy machine
   * is no news.
   */
  public static final Duration OVERDUE_AFTER = Duration.ofMinutes(1);

  /** How old a worked-out ETA may get before it is worked out again. */
  static final Duration RECOMPUTE = Duration.ofSeconds(10);

  /**
   * A build running now.
   *
   * @param key the entry
   * @param elapsed how long it has run
   * @param estimate how long it should take; empty when nothing was ever built
   * @param overdue true when it has run {@link #OVERDUE} times its estimate or more, and at least
   *     {@link #OVERDUE_AFTER}
   */
  public record RunningBuild(
      EntryKey key, Duration elapsed, Optional<Duration> estimate, boolean overdue) {}

  private final StageWork work;
  private final int builders;
  private final BuildHistory history;
  private final Instant started;
  private final Map<EntryKey, EntryStatus> status;
  private final Map<EntryKey, Instant> running = new LinkedHashMap<>();
  private final Set<EntryKey> flagged = new HashSet<>();
  private final Pace pace = new Pace();
  private final Map<EntryKey, Double> cost = new HashMap<>();
  private final Map<EntryKey, Double> seconds = new HashMap<>();
  private final EntryWeights weights;
  private Instant worked;
  private double left;

  /**
   * @param now where each entry stands as the stage starts (absent: queued)
   * @param builders how many builds run at once
   * @param started when the stage started
   */
  public StageWatch(
      StageWork work,
      Map<EntryKey, EntryStatus> now,
      int builders,
      BuildHistory history,
      Instant started) {
    this.work = work;
    this.builders = builders;
    this.history = history;
    this.started = started;
    this.status = new HashMap<>(now);
    // looked up once: the simulation asks for each entry's cost and estimate many times
    EntryWeights fromHistory = history.weights();
    for (StageEntry entry : work.entries()) {
      cost.put(entry.key(), fromHistory.cost(work.stage(), entry));
      seconds.put(entry.key(), history.estimate(work.stage(), entry.key().ident()).seconds());
    }
    this.weights = (stage, entry) -> cost.get(entry.key());
  }

  /**
   * A build starts (or is found running, for {@code kiln status}). The ETA is not worked out again
   * for it: the simulation had started it too, and a display redrawn at every start of a wide run
   * would simulate on the scheduler's thread each time.
   */
  public void started(EntryKey key, Instant at) {
    status.put(key, EntryStatus.BUILDING);
    running.put(key, at);
  }

  /**
   * A build ended, or an entry was set aside.
   *
   * @return how long the build ran; zero for an entry that was not running
   */
  public Duration finished(EntryKey key, EntryStatus how, Instant at) {
    status.put(key, how);
    Instant from = running.remove(key);
    flagged.remove(key);
    worked = null;
    Duration took = from == null ? Duration.ZERO : Duration.between(from, at);
    if (how == EntryStatus.BUILT && from != null && !history.isEmpty()) {
      pace.built(took.toMillis() / 1000.0, seconds.get(key));
    }
    return took;
  }

  /** The entry's estimate; empty when nothing was ever built. */
  public Optional<Duration> estimate(EntryKey key) {
    Estimate e = history.estimate(work.stage(), key.ident());
    return e.basis() == Estimate.Basis.NONE
        ? Optional.empty()
        : Optional.of(DurationText.ofSeconds(e.seconds()));
  }

  public StageName stage() {
    return work.stage();
  }

  /** How long the stage has run. */
  public Duration elapsed(Instant now) {
    return Duration.between(started, now);
  }

  /** The builds running now, in the order they started. */
  public List<RunningBuild> running(Instant now) {
    List<RunningBuild> builds = new ArrayList<>();
    running.forEach(
        (key, from) -> {
          Duration took = Duration.between(from, now);
          Optional<Duration> estimate = estimate(key);
          builds.add(new RunningBuild(key, took, estimate, isOverdue(took, estimate)));
        });
    return builds;
  }

  /** The running builds that became overdue since the last call: each is told once per build. */
  public List<RunningBuild> newlyOverdue(Instant now) {
    return running(now).stream()
        .filter(RunningBuild::overdue)
        .filter(b -> flagged.add(b.key()))
        .toList();
  }

  /**
   * How long until the stage's last build should end, from {@code now}; empty when nothing was ever
   * built (no estimates) or nothing is left to build.
   */
  public Optional<Duration> eta(Instant now) {
    if (history.isEmpty()) {
      return Optional.empty();
    }
    if (worked == null || Duration.between(worked, now).compareTo(RECOMPUTE) >= 0) {
      left = remaining(now);
      worked = now;
    }
    if (running.isEmpty() && !status.containsValue(EntryStatus.QUEUED) && left == 0) {
      return Optional.empty();
    }
    double since = Duration.between(worked, now).toMillis() / 1000.0;
    return Optional.of(DurationText.ofSeconds(Math.max(0, left - since)));
  }

  private double remaining(Instant now) {
    double factor = pace.factor();
    Map<EntryKey, Double> runningLeft = new LinkedHashMap<>();
    running.forEach(
        (key, from) -> {
          double own = seconds.get(key) * factor;
          double ran = Duration.between(from, now).toMillis() / 1000.0;
          runningLeft.put(key, Math.max(0, own - ran));
        });
    return RunSimulator.equalBuilders(builders)
        .remaining(work, status, runningLeft, weights, e -> seconds.get(e.key()) * factor);
  }

  private static boolean isOverdue(Duration took, Optional<Duration> estimate) {
    if (estimate.isEmpty() || took.compareTo(OVERDUE_AFTER) < 0) {
      return false;
    }
    return took.toMillis() >= OVERDUE * estimate.get().toMillis();
  }
}
