import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import kiln.orchestrator.EntryWeights;
import kiln.orchestrator.Prediction;
import kiln.orchestrator.RunSimulator;
import kiln.orchestrator.StageWorks;
import kiln.orchestrator.history.BuildHistory;
import kiln.resume.StageName;
import kiln.resume.StageWork;
import kiln.world.EvalContext;
import kiln.world.PackageIdent;
import kiln.world.PlanSet;
import kiln.world.PlanSource;
import kiln.world.WorldGraph;

/**
 * The schedule benchmark: kiln's scheduler by estimated time against by counted builds, on a
 * generated core-plans-shaped world, simulated with kiln's own RunSimulator (the scheduler's Board
 * on a simulated clock). Durations are heavy-tailed and seeded; the scheduler sees estimates, the
 * builds take the estimate times a noise of +-30% (uniform), drawn anew for each of SEEDS runs.
 * Prints a markdown table: for each number of builders, makespan / lower bound (mean and worst
 * over the runs) for each policy, how much shorter the time policy's makespan is, and a tighter
 * lower bound (see tighterBound) with the time policy's worst ratio to it, and how much shorter
 * than counts any schedule could be (counts' makespan against the tighter bound). Once for the
 * whole world, once for stage 3 as kiln builds it (without the base plans).
 *
 * <p>Usage: java -cp orchestrator/target/kiln.jar ScheduleBench.java DIR [SEEDS]
 */
public class ScheduleBench {

  /** The toolchain core's long builds (GenWorld's core0..core39 chain): libc, binutils, gcc... */
  static final Set<String> TOOLCHAIN =
      Set.of("core1", "core4", "core5", "core9", "core17", "core28", "core38", "core39");

  /** The world's plans under {@code dir}, in build order. */
  static List<kiln.world.Plan> order(Path dir) throws Exception {
    List<String> paths;
    try (Stream<Path> walk = Files.walk(dir)) {
      paths = walk.filter(p -> p.endsWith("plan.sh")).map(Path::toString).sorted().toList();
    }
    PlanSet set = PlanSet.read(paths, PlanSource.statically(), EvalContext.stage1(), Set.of());
    return WorldGraph.of(set.plans()).orderAllowingCycles();
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    List<kiln.world.Plan> order = order(dir);
    StageWork world = StageWorks.ofPlans(order);
    Map<PackageIdent, Double> estimates = estimates(world, new Random(14));
    System.out.println("### The whole world, the toolchain core included");
    System.out.println();
    table(world, estimates, seeds);
    // kiln's stage3 leaves the base plans (the core) out: they were built in stage1 and stage2
    StageWork stage3 =
        StageWorks.ofPlans(
            order.stream().filter(p -> !p.ident().name().matches("core\\d+")).toList());
    System.out.println();
    System.out.println("### Stage 3 as kiln builds it: the world without the base plans");
    System.out.println();
    table(stage3, estimates, seeds);
  }

  /** The generated world's plans under {@code dir}, in world order. */
  static List<kiln.world.Plan> order(Path dir) throws java.io.IOException {
    List<String> paths;
    try (Stream<Path> walk = Files.walk(dir)) {
      paths = walk.filter(p -> p.endsWith("plan.sh")).map(Path::toString).sorted().toList();
    }
    PlanSet set = PlanSet.read(paths, PlanSource.statically(), EvalContext.stage1(), Set.of());
    return WorldGraph.of(set.plans()).orderAllowingCycles();
  }

  static void table(StageWork work, Map<PackageIdent, Double> estimates, int seeds) {
    EntryWeights byTime = BuildHistory.ofSeconds(StageName.STAGE3, estimates).weights();
    describe(work, estimates);
    System.out.println(
        "| builders | lower bound | time: makespan / bound (worst) | count: makespan / bound"
            + " (worst) | time vs count | tighter bound | time / tighter bound | best possible"
            + " vs count |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    for (int n : new int[] {2, 4, 8, 16, 32, 64}) {
      double[] time = new double[seeds];
      double[] count = new double[seeds];
      double bound = 0;
      double gain = 0;
      double tight = 0;
      double timeToTight = 0;
      double possible = 0;
      for (int s = 0; s < seeds; s++) {
        Random noise = new Random(1000 + s);
        Map<PackageIdent, Double> actual = new HashMap<>();
        estimates.forEach((k, e) -> actual.put(k, e * (0.7 + 0.6 * noise.nextDouble())));
        RunSimulator builders = RunSimulator.equalBuilders(n);
        Prediction t = builders.run(work, byTime, e -> actual.get(e.key().ident()));
        Prediction c = builders.run(work, EntryWeights.COUNT, e -> actual.get(e.key().ident()));
        time[s] = t.ratio();
        count[s] = c.ratio();
        bound += t.lowerBoundSeconds() / seeds;
        gain += (1 - t.makespanSeconds() / c.makespanSeconds()) / seeds;
        double tighter =
            Math.max(t.lowerBoundSeconds(), tighterBound(work, e -> actual.get(e.ident()), n));
        tight += tighter / seeds;
        timeToTight = Math.max(timeToTight, t.makespanSeconds() / tighter);
        possible += (1 - tighter / c.makespanSeconds()) / seeds;
      }
      System.out.printf(
          "| %d | %.0f min | %.3f (%.3f) | %.3f (%.3f) | %+.1f%% | %.0f min | %.3f (worst) |"
              + " %+.1f%% |%n",
          n,
          bound / 60,
          mean(time),
          max(time),
          mean(count),
          max(count),
          -100 * gain,
          tight / 60,
          timeToTight,
          -100 * possible);
    }
  }

  /**
   * Heavy-tailed: the toolchain core's long builds and ten giants of the rest take 20-90 minutes,
   * the rest of the core 2-10 minutes, everything else a log-normal of median 40 s (about 9 in 10
   * under 2 minutes), at most 15 minutes.
   */
  static Map<PackageIdent, Double> estimates(StageWork work, Random random) {
    Map<PackageIdent, Double> seconds = new HashMap<>();
    List<PackageIdent> rest = new ArrayList<>();
    for (var key : work.keys()) {
      PackageIdent ident = key.ident().originAndName();
      String name = ident.name();
      if (TOOLCHAIN.contains(name)) {
        seconds.put(ident, 60 * (20 + 70 * random.nextDouble()));
      } else if (name.matches("core\\d+")) {
        seconds.put(ident, 60 * (2 + 8 * random.nextDouble()));
      } else {
        rest.add(ident);
      }
    }
    for (int g = 0; g < 10; g++) {
      seconds.put(rest.remove(random.nextInt(rest.size())), 60 * (20 + 70 * random.nextDouble()));
    }
    for (PackageIdent ident : rest) {
      seconds.put(ident, Math.min(900, 40 * Math.exp(0.8 * random.nextGaussian())));
    }
    return seconds;
  }

  /**
   * A bound no schedule beats, tighter than the critical path and the spread-out work where much
   * of the world waits on one plan: an entry cannot start before the longest chain of its deps is
   * built, and the entry and everything depending on it, directly or not, must still be built
   * after that on N builders at best.
   */
  static double tighterBound(
      StageWork work, java.util.function.ToDoubleFunction<kiln.resume.EntryKey> seconds, int n) {
    Map<kiln.resume.EntryKey, Double> head = new HashMap<>();
    var dependents = work.dependents();
    double best = 0;
    for (var entry : work.entries()) {
      double start = 0;
      for (var dep : entry.deps()) {
        start = Math.max(start, head.get(dep) + seconds.applyAsDouble(dep));
      }
      head.put(entry.key(), start);
    }
    for (var entry : work.entries()) {
      java.util.Set<kiln.resume.EntryKey> after = new java.util.HashSet<>();
      java.util.ArrayDeque<kiln.resume.EntryKey> todo = new java.util.ArrayDeque<>();
      todo.add(entry.key());
      while (!todo.isEmpty()) {
        var k = todo.pop();
        if (after.add(k)) {
          todo.addAll(dependents.get(k));
        }
      }
      double rest = after.stream().mapToDouble(seconds::applyAsDouble).sum();
      best = Math.max(best, head.get(entry.key()) + rest / n);
    }
    return best;
  }

  static void describe(StageWork work, Map<PackageIdent, Double> estimates) {
    List<Double> own =
        work.keys().stream().map(k -> estimates.get(k.ident().originAndName())).toList();
    long quick = own.stream().filter(s -> s < 120).count();
    long giants = own.stream().filter(s -> s >= 1200).count();
    double total = own.stream().mapToDouble(d -> d).sum();
    System.out.printf(
        "world: %d plans, %d under 2 minutes, %d of 20-90 minutes; %.1f h of builds in all%n%n",
        work.entries().size(), quick, giants, total / 3600);
  }

  static double mean(double[] v) {
    double s = 0;
    for (double d : v) {
      s += d;
    }
    return s / v.length;
  }

  static double max(double[] v) {
    double m = 0;
    for (double d : v) {
      m = Math.max(m, d);
    }
    return m;
  }
}
