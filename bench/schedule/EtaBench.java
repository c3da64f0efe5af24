import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import kiln.orchestrator.StageWorks;
import kiln.orchestrator.history.BuildHistory;
import kiln.orchestrator.progress.StageWatch;
import kiln.resume.EntryKey;
import kiln.resume.EntryStatus;
import kiln.resume.StageName;
import kiln.resume.StageWork;

/**
 * What the progress display's ETA costs: on the 700-plan world of the schedule benchmark, with the
 * same estimates (ScheduleBench.estimates), a stage part-way through (a share of it built in world
 * order, N builds running), the time of one ETA worked out anew (StageWatch.eta after a build
 * ended, which is when kiln works it out). Prints the median and the 99th percentile over ROUNDS.
 *
 * <p>Usage: bench/schedule/eta.sh [ROUNDS]
 */
public class EtaBench {

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    StageWork world = StageWorks.ofPlans(ScheduleBench.order(dir));
    BuildHistory history =
        BuildHistory.ofSeconds(StageName.STAGE3, ScheduleBench.estimates(world, new Random(14)));
    System.out.printf("world: %d plans%n", world.entries().size());
    System.out.println("| builders | built so far | ETA worked out: median | p99 |");
    System.out.println("|---|---|---|---|");
    for (int builders : new int[] {2, 8, 64}) {
      for (double share : new double[] {0, 0.5}) {
        long[] nanos = measure(world, history, builders, share, rounds);
        System.out.printf(
            "| %d | %.0f%% | %.2f ms | %.2f ms |%n",
            builders, share * 100, nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 99 / 100] / 1e6);
      }
    }
  }

  static long[] measure(
      StageWork world, BuildHistory history, int builders, double share, int rounds) {
    Instant t0 = Instant.parse("2026-12-07T00:00:00Z");
    List<EntryKey> keys = world.keys();
    int built = (int) (keys.size() * share);
    Map<EntryKey, EntryStatus> now = new HashMap<>();
    keys.subList(0, built).forEach(k -> now.put(k, EntryStatus.BUILT));
    StageWatch watch = new StageWatch(world, now, builders, history, t0);
    List<EntryKey> running = keys.subList(built, Math.min(keys.size(), built + builders));
    running.forEach(k -> watch.started(k, t0));
    long[] nanos = new long[rounds];
    for (int r = 0; r < rounds; r++) {
      // a build ends and starts again: the ETA is worked out anew on the next look
      EntryKey k = running.get(r % running.size());
      watch.finished(k, EntryStatus.QUEUED, t0);
      watch.started(k, t0);
      long start = System.nanoTime();
      watch.eta(t0.plusSeconds(5));
      nanos[r] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    return nanos;
  }
}
