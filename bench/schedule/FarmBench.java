import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import kiln.orchestrator.EntryWeights;
import kiln.orchestrator.Prediction;
import kiln.orchestrator.RunSimulator;
import kiln.orchestrator.StageWorks;
import kiln.orchestrator.history.BuildHistory;
import kiln.resume.StageName;
import kiln.resume.StageWork;
import kiln.world.PackageIdent;

/**
 * The build farm's speed-up: the 700-plan world of the schedule benchmark (same durations, same
 * +-30% noise, ScheduleBench.estimates) built on N build hosts of mixed speed (one slot each;
 * speeds cycle 1, 1.5, 0.75, 1.25: the most urgent build goes to the fastest free host, as kiln's
 * Placement does), against one host of speed 1. Prints, for stage 3 and for the whole world: the
 * hosts' summed speed (the linear ideal), the mean speed-up over SEEDS runs, the speed-up the
 * critical path allows at most, and the makespan against the lower bound.
 *
 * <p>Usage: bench/schedule/run.sh --farm [SEEDS]
 */
public class FarmBench {

  static final double[] SPEEDS = {1, 1.5, 0.75, 1.25};

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    List<kiln.world.Plan> order = ScheduleBench.order(dir);
    StageWork world = StageWorks.ofPlans(order);
    Map<PackageIdent, Double> estimates = ScheduleBench.estimates(world, new Random(14));
    StageWork stage3 =
        StageWorks.ofPlans(
            order.stream().filter(p -> !p.ident().name().matches("core\\d+")).toList());
    System.out.println("### Stage 3 as kiln builds it (660 plans, 20.8 h of builds)");
    System.out.println();
    table(stage3, estimates, seeds);
    System.out.println();
    System.out.println("### The whole world, the toolchain core included (700 plans, 32.2 h)");
    System.out.println();
    table(world, estimates, seeds);
  }

  static void table(StageWork work, Map<PackageIdent, Double> estimates, int seeds) {
    EntryWeights byTime = BuildHistory.ofSeconds(StageName.STAGE3, estimates).weights();
    System.out.println(
        "| hosts | speeds | summed speed (linear) | speed-up vs 1 host (worst) | critical path"
            + " allows | makespan | makespan / lower bound |");
    System.out.println("|---|---|---|---|---|---|---|");
    for (int n : new int[] {2, 4, 8, 16}) {
      List<Double> speeds = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        speeds.add(SPEEDS[i % SPEEDS.length]);
      }
      double sum = speeds.stream().mapToDouble(d -> d).sum();
      double speedUp = 0;
      double worst = Double.MAX_VALUE;
      double allowed = 0;
      double makespan = 0;
      double ratio = 0;
      for (int s = 0; s < seeds; s++) {
        Random noise = new Random(1000 + s);
        Map<PackageIdent, Double> actual = new HashMap<>();
        estimates.forEach((k, e) -> actual.put(k, e * (0.7 + 0.6 * noise.nextDouble())));
        Prediction one =
            RunSimulator.equalBuilders(1).run(work, byTime, e -> actual.get(e.key().ident()));
        Prediction farm =
            new RunSimulator(speeds).run(work, byTime, e -> actual.get(e.key().ident()));
        double up = one.makespanSeconds() / farm.makespanSeconds();
        speedUp += up / seeds;
        worst = Math.min(worst, up);
        double fastest = speeds.stream().mapToDouble(d -> d).max().orElse(1);
        allowed +=
            Math.min(sum, one.makespanSeconds() / (criticalPath(farm) / fastest)) / seeds;
        makespan += farm.makespanSeconds() / seeds;
        ratio += farm.ratio() / seeds;
      }
      System.out.printf(
          "| %d | %s | %.2f | %.2fx (%.2fx) | %.2fx | %.0f min | %.3f |%n",
          n,
          describe(speeds),
          sum,
          speedUp,
          worst,
          allowed,
          makespan / 60,
          ratio);
    }
  }

  /** The critical path's seconds on a host of speed 1. */
  static double criticalPath(Prediction p) {
    return p.criticalPath().stream().mapToDouble(Prediction.Step::seconds).sum();
  }

  static String describe(List<Double> speeds) {
    Map<Double, Integer> counts = new java.util.TreeMap<>();
    speeds.forEach(s -> counts.merge(s, 1, Integer::sum));
    List<String> parts = new ArrayList<>();
    counts.forEach((s, c) -> parts.add(c + "x" + (s == Math.rint(s) ? "" + s.intValue() : s)));
    return String.join(" ", parts);
  }
}
