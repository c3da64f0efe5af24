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
 * over the runs) for each policy, and how much shorter the time policy's makespan is.
 *
 * <p>Usage: java -cp orchestrator/target/kiln.jar ScheduleBench.java DIR [SEEDS]
 */
public class ScheduleBench {

  /** The toolchain core's long builds (GenWorld's core0..core39 chain): libc, binutils, gcc... */
  static final Set<String> TOOLCHAIN =
      Set.of("core1", "core4", "core5", "core9", "core17", "core28", "core38", "core39");

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    List<String> paths;
    try (Stream<Path> walk = Files.walk(dir)) {
      paths = walk.filter(p -> p.endsWith("plan.sh")).map(Path::toString).sorted().toList();
    }
    PlanSet set = PlanSet.read(paths, PlanSource.statically(), EvalContext.stage1(), Set.of());
    StageWork work = StageWorks.ofPlans(WorldGraph.of(set.plans()).orderAllowingCycles());
    Map<PackageIdent, Double> estimates = estimates(work, new Random(14));
    EntryWeights byTime = BuildHistory.ofSeconds(StageName.STAGE3, estimates).weights();
    describe(work, estimates);
    System.out.println(
        "| builders | lower bound | time: makespan / bound (worst) | count: makespan / bound"
            + " (worst) | time vs count |");
    System.out.println("|---|---|---|---|---|");
    for (int n : new int[] {2, 4, 8, 16, 32, 64}) {
      double[] time = new double[seeds];
      double[] count = new double[seeds];
      double bound = 0;
      double gain = 0;
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
      }
      System.out.printf(
          "| %d | %.0f min | %.3f (%.3f) | %.3f (%.3f) | %+.1f%% |%n",
          n, bound / 60, mean(time), max(time), mean(count), max(count), -100 * gain);
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

  static void describe(StageWork work, Map<PackageIdent, Double> estimates) {
    long quick = estimates.values().stream().filter(s -> s < 120).count();
    long giants = estimates.values().stream().filter(s -> s >= 1200).count();
    double total = estimates.values().stream().mapToDouble(d -> d).sum();
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
