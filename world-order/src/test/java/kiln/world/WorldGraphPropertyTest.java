package kiln.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Invariants of the world graph on random worlds (seeded, so a failure can be replayed). */
class WorldGraphPropertyTest {

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
  void everyPlanComesAfterAllItsDependencies(int seed) throws Exception {
    List<Plan> plans = randomWorld(new Random(seed), false);
    List<Plan> order = WorldGraph.of(plans).order();
    Map<PackageIdent, Integer> position = positions(order);
    assertEquals(position.size(), order.size(), "each plan once");
    for (Plan plan : plans) {
      for (Dependency dep : plan.deps()) {
        if (!dep.ident().equals(plan.ident())) {
          assertTrue(
              position.get(dep.ident()) < position.get(plan.ident()),
              plan.ident() + " before its dependency " + dep.ident() + " (seed " + seed + ")");
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
  void shuffledInputGivesTheSameOrder(int seed) throws Exception {
    Random random = new Random(seed);
    for (boolean cycles : new boolean[] {false, true}) {
      List<Plan> plans = randomWorld(random, cycles);
      List<Plan> expected = WorldGraph.of(plans).orderAllowingCycles();
      for (int k = 0; k < 3; k++) {
        List<Plan> shuffled = new ArrayList<>(plans);
        Collections.shuffle(shuffled, random);
        assertEquals(expected, WorldGraph.of(shuffled).orderAllowingCycles());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
  void dependentsAreExactlyWhatReachesTheIdents(int seed) {
    Random random = new Random(seed);
    List<Plan> plans = randomWorld(random, true);
    WorldGraph world = WorldGraph.of(plans);
    List<PackageIdent> roots =
        List.of(
            plans.get(random.nextInt(plans.size())).ident(),
            plans.get(random.nextInt(plans.size())).ident());
    Set<PackageIdent> expected = bruteForceDependents(plans, roots);
    Dependents found = world.dependentsOf(roots, false);
    assertEquals(expected, idents(found.plans()), "seed " + seed);
    List<PackageIdent> inOrder =
        world.orderAllowingCycles().stream().map(Plan::ident).filter(expected::contains).toList();
    assertEquals(inOrder, found.plans().stream().map(Plan::ident).toList(), "build order");
    for (Plan p : found.plans()) {
      List<DependencyEdge> chain = found.chain(p.ident());
      assertEquals(p.ident(), chain.get(0).dependent());
      assertTrue(roots.contains(chain.get(chain.size() - 1).target()), chain.toString());
    }
  }

  /**
   * A world shaped like real ones: a few core plans nearly everything needs, a long tail. With
   * {@code cycles}, some edges point the wrong way.
   */
  static List<Plan> randomWorld(Random random, boolean cycles) {
    int n = 30 + random.nextInt(150);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      names.add("p" + Integer.toString(random.nextInt(1 << 20), 36) + i);
    }
    List<Plan> plans = new ArrayList<>();
    Path file = Path.of("random.txt");
    for (int i = 0; i < n; i++) {
      List<Dependency> deps = new ArrayList<>();
      int count = i == 0 ? 0 : random.nextInt(Math.min(i, 6) + 1);
      for (int k = 0; k < count; k++) {
        int j = random.nextDouble() < 0.5 ? random.nextInt(Math.min(i, 5)) : random.nextInt(i);
        deps.add(dep(names.get(j), file, i));
      }
      if (cycles && i > 0 && random.nextDouble() < 0.05) {
        deps.add(dep(names.get(i + random.nextInt(n - i)), file, i));
      }
      if (random.nextDouble() < 0.03) {
        deps.add(dep("missing" + random.nextInt(3), file, i));
      }
      plans.add(
          new Plan(
              PackageIdent.of("core", names.get(i)),
              null,
              names.get(i) + "/plan.sh",
              Path.of(names.get(i), "plan.sh"),
              deps));
    }
    return plans;
  }

  private static Dependency dep(String name, Path file, int line) {
    return new Dependency(
        PackageIdent.of("core", name), DepKind.RUN, new SourceLocation(file, line + 1));
  }

  private static Set<PackageIdent> bruteForceDependents(
      List<Plan> plans, List<PackageIdent> roots) {
    Set<PackageIdent> out = new HashSet<>();
    for (Plan plan : plans) {
      if (!roots.contains(plan.ident()) && reaches(plans, plan.ident(), roots)) {
        out.add(plan.ident());
      }
    }
    return out;
  }

  private static boolean reaches(List<Plan> plans, PackageIdent from, List<PackageIdent> roots) {
    Map<PackageIdent, Plan> byIdent = new HashMap<>();
    plans.forEach(p -> byIdent.put(p.ident(), p));
    Set<PackageIdent> seen = new HashSet<>(List.of(from));
    ArrayDeque<PackageIdent> queue = new ArrayDeque<>(List.of(from));
    while (!queue.isEmpty()) {
      Plan p = byIdent.get(queue.poll());
      for (Dependency d : p == null ? List.<Dependency>of() : p.deps()) {
        if (d.ident().equals(p.ident())) {
          continue;
        }
        if (roots.contains(d.ident())) {
          return true;
        }
        if (seen.add(d.ident())) {
          queue.add(d.ident());
        }
      }
    }
    return false;
  }

  private static Map<PackageIdent, Integer> positions(List<Plan> order) {
    Map<PackageIdent, Integer> position = new HashMap<>();
    for (int i = 0; i < order.size(); i++) {
      position.put(order.get(i).ident(), i);
    }
    return position;
  }

  private static Set<PackageIdent> idents(List<Plan> plans) {
    Set<PackageIdent> out = new HashSet<>();
    plans.forEach(p -> out.add(p.ident()));
    return out;
  }
}
