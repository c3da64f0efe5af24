package kiln.orchestrator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import kiln.resume.EntryKey;
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
    int builders = work.ordered() ? 1 : speeds.size(); // as the scheduler: base stages one by one
    // the fastest free builder takes the next build; among equals, the first
    TreeSet<Integer> free =
        new TreeSet<>(
            Comparator.<Integer, Double>comparing(b -> -speeds.get(b)).thenComparing(b -> b));
    for (int b = 0; b < builders; b++) {
      free.add(b);
    }
    PriorityQueue<Running> running =
        new PriorityQueue<>(
            Comparator.comparingDouble(Running::end).thenComparingInt(Running::builder));
    double[] busy = new double[builders];
    double now = 0;
    while (true) {
      while (!free.isEmpty() && board.hasReady()) {
        EntryKey key = board.startNext();
        int builder = free.pollFirst();
        double takes = duration(seconds, board.entry(key)) / speeds.get(builder);
        busy[builder] += takes;
        running.add(new Running(key, builder, now + takes));
      }
      Running next = running.poll();
      if (next == null) {
        break;
      }
      now = next.end();
      board.built(next.key());
      free.add(next.builder());
    }
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

  private static double duration(ToDoubleFunction<StageEntry> seconds, StageEntry entry) {
    double d = seconds.applyAsDouble(entry);
    if (!(d >= 0) || Double.isInfinite(d)) {
      throw new IllegalArgumentException(
          entry.key() + ": a build takes 0 seconds or more, not " + d);
    }
    return d;
  }
}
