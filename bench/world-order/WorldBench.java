import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import kiln.world.EvalContext;
import kiln.world.Plan;
import kiln.world.PlanSet;
import kiln.world.PlanSource;
import kiln.world.WorldGraph;

/**
 * Times kiln's world-order library in one JVM on a generated world: reading every plan.sh,
 * building the graph, ordering it, and the dependents of the most-depended-on plan (after
 * loading). Prints one markdown table row per phase: median and min of RUNS runs, in ms.
 *
 * <p>Usage: java -cp orchestrator/target/kiln.jar WorldBench.java DIR [RUNS]
 */
public class WorldBench {

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    List<String> paths;
    try (Stream<Path> walk = Files.walk(dir)) {
      paths = walk.filter(p -> p.endsWith("plan.sh")).map(Path::toString).toList();
    }
    List<Long> read = new ArrayList<>();
    List<Long> graph = new ArrayList<>();
    List<Long> order = new ArrayList<>();
    List<Long> dependents = new ArrayList<>();
    int ordered = 0;
    int found = 0;
    String top = "";
    for (int r = 0; r < runs; r++) {
      long t0 = System.nanoTime();
      PlanSet set = PlanSet.read(paths, PlanSource.statically(), EvalContext.stage1(), Set.of());
      long t1 = System.nanoTime();
      WorldGraph world = WorldGraph.of(set.plans());
      long t2 = System.nanoTime();
      List<Plan> o = world.orderAllowingCycles();
      long t3 = System.nanoTime();
      // The most-depended-on plan: the one the most plans name as a dependency.
      java.util.Map<kiln.world.PackageIdent, Integer> named = new java.util.HashMap<>();
      set.plans().forEach(p -> p.deps().forEach(d -> named.merge(d.ident(), 1, Integer::sum)));
      Plan most = set.plans().stream()
          .max(Comparator.comparingInt((Plan p) -> named.getOrDefault(p.ident(), 0)))
          .orElseThrow();
      WorldGraph fresh = WorldGraph.of(set.plans()); // a freshly loaded world: no cached order
      long t4 = System.nanoTime();
      found = fresh.dependentsOf(List.of(most.ident()), false).plans().size();
      long t5 = System.nanoTime();
      read.add(t1 - t0);
      graph.add(t2 - t1);
      order.add(t3 - t2);
      dependents.add(t5 - t4);
      ordered = o.size();
      top = most.ident().toString();
    }
    System.out.printf("| %d | %s | %s | %s | %s | %d | %s: %d |%n", paths.size(), ms(read), ms(graph),
        ms(order), ms(dependents), ordered, top, found);
  }

  static String ms(List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    sorted.sort(null);
    return String.format("%.0f (min %.0f)", sorted.get(sorted.size() / 2) / 1e6, sorted.get(0) / 1e6);
  }
}
