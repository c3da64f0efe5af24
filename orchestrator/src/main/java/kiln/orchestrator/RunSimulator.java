package kiln.orchestrator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import kiln.resume.EntryKey;
import kiln.resume.EntryStatus;
import kiln.resume.StageEntry;
import kiln.resume.StageWork;

/**
 * Plays a stage's run on a simulated clock, with no threads and no builds: the same {@link Board}
 * the {@link Scheduler} uses picks the next entry whenever a builder is free, each build taking the
 * seconds it is given divided by its builder's speed. What {@code kiln estimate} and the schedule
 * benchmark predict with.
 */
public final class RunSimulator {

  private final List<Double> speeds;

  /**
   * @param speeds one speed factor per builder: a build of {@code d} seconds takes {@code d /
   *     speed} on it (1 for all: N equal builders)
   */
  public RunSimulator(List<Double> speeds) {
    if (speeds.isEmpty()) {
      throw new IllegalArgumentException("a run needs at least one builder");
    }
    for (double speed : speeds) {
      if (!(speed > 0) || Double.isInfinite(speed)) {
        throw new IllegalArgumentException("a builder's speed is above 0, not " + speed);
      }
    }
    this.speeds = List.copyOf(speeds);
  }

  /** {@code n} builders of speed 1. */
  public static RunSimulator equalBuilders(int n) {
    return new RunSimulator(java.util.Collections.nCopies(n, 1.0));
  }

  /** A build on a builder, from start to end on the simulated clock. */
  private record Running(EntryKey key, int builder, double end) {}

  /**
   * Runs every entry of {@code work} to the end, none failing.
   *
   * @param weights what the scheduler believes each entry costs (estimates)
   * @param seconds what each entry actually takes on a builder of speed 1
   */
  public Prediction run(
      StageWork work, EntryWeights weights, ToDoubleFunction<StageEntry> seconds) {
    Board board = new Board(work, Map.of(), weights);
    int builders = builders(work);
    double[] busy = new double[builders];
    double now = play(board, builders, Map.of(), e -> duration(seconds, e), busy);
    List<Double> utilisation = new ArrayList<>();
    for (int b = 0; b < builders; b++) {
      utilisation.add(now > 0 ? busy[b] / now : 0);
    }
    CriticalPath path = CriticalPath.of(work, e -> duration(seconds, e));
    double total = work.entries().stream().mapToDouble(e -> duration(seconds, e)).sum();
    double capacity = speeds.subList(0, builders).stream().mapToDouble(d -> d).sum();
    double fastest = speeds.subList(0, builders).stream().mapToDouble(d -> d).max().orElse(1);
    double lowerBound = Math.max(path.seconds() / fastest, total / capacity);
    return new Prediction(now, lowerBound, path.steps(), utilisation, total);
  }

  /**
   * How long the rest of a stage part-way through should take: the seconds from now until the last
   * entry still to build is built, none failing. What kiln's ETA is.
   *
   * @param now each entry's state: built, failed, timed out and skipped ones are done (the ones
   *     after a failure never start); building ones occupy a builder each; absent is queued
   * @param runningLeft for each building entry, the seconds it has left (0 when it is overdue)
   * @param seconds what each entry still queued takes on a builder of speed 1
   */
  public double remaining(
      StageWork work,
      Map<EntryKey, EntryStatus> now,
      Map<EntryKey, Double> runningLeft,
      EntryWeights weights,
      ToDoubleFunction<StageEntry> seconds) {
    Board board = new Board(work, now, weights);
    int builders = builders(work);
    return play(
        board,
        Math.max(builders, runningLeft.size()),
        runningLeft,
        e -> duration(seconds, e),
        new double[Math.max(builders, runningLeft.size())]);
  }

  private int builders(StageWork work) {
    return work.ordered() ? 1 : speeds.size(); // as the scheduler: base stages one by one
  }

  /**
   * Plays the board to its end on the simulated clock from 0, the {@code running} entries already
   * on builders; returns when the last build ends, adding each builder's busy seconds to {@code
   * busy}.
   */
  private double play(
      Board board,
      int builders,
      Map<EntryKey, Double> running,
      ToDoubleFunction<StageEntry> seconds,
      double[] busy) {
    // the fastest free builder takes the next build; among equals, the first
    TreeSet<Integer> free =
        new TreeSet<>(Comparator.<Integer, Double>comparing(this::speed).thenComparing(b -> b));
    for (int b = 0; b < builders; b++) {
      free.add(b);
    }
    PriorityQueue<Running> ends =
        new PriorityQueue<>(
            Comparator.comparingDouble(Running::end).thenComparingInt(Running::builder));
    running.forEach(
        (key, left) -> {
          int builder = free.pollFirst();
          busy[builder] += left;
          ends.add(new Running(key, builder, left));
        });
    double now = 0;
    while (true) {
      while (!free.isEmpty() && board.hasReady()) {
        EntryKey key = board.startNext();
        int builder = free.pollFirst();
        double takes = seconds.applyAsDouble(board.entry(key)) / speedOf(builder);
        busy[builder] += takes;
        ends.add(new Running(key, builder, now + takes));
      }
      Running next = ends.poll();
      if (next == null) {
        return now;
      }
      now = next.end();
      board.built(next.key());
      free.add(next.builder());
    }
  }

  /** Orders free builders fastest first. */
  private double speed(int builder) {
    return -speedOf(builder);
  }

  /** Builders beyond the list (more running than builders: -j lowered on resume) are speed 1. */
  private double speedOf(int builder) {
    return builder < speeds.size() ? speeds.get(builder) : 1;
  }

  private static double duration(ToDoubleFunction<StageEntry> seconds, StageEntry entry) {
    double d = seconds.applyAsDouble(entry);
    if (!(d >= 0) || Double.isInfinite(d)) {
      throw new IllegalArgumentException(
          entry.key() + ": a build takes 0 seconds or more, not " + d);
    }
    return d;
  }
}
