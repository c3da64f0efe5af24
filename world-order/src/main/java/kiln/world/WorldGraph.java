package kiln.world;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedMultigraph;

/**
 * The world as a graph of plans: an edge runs from a dependency to the plan that needs it, so build
 * order is a topological order. Self-dependencies are dropped (a package may build with an older
 * version of itself); a dependency no plan provides becomes a {@link Plan#missing missing} plan.
 * Answers in what order to build ({@link #order()}), what depends on a plan ({@link #dependentsOf})
 * and why there is no order ({@link #cycles()}).
 *
 * <p>The walks run on arrays in linear time (a 100k-plan world is ordered in well under a second);
 * {@link #asGraph()} gives the same graph as a JGraphT graph for other algorithms. Every answer is
 * deterministic and independent of the order plans were given in: ties are broken by ident.
 */
public final class WorldGraph {

  private final Map<PackageIdent, Plan> plans;
  private final IntGraph ints;
  private List<Plan> cachedOrder;
  private Graph<PackageIdent, DependencyEdge> graph;

  private WorldGraph(Map<PackageIdent, Plan> plans, IntGraph ints) {
    this.plans = plans;
    this.ints = ints;
  }

  /**
   * The graph of these plans (one per ident: resolve duplicates first).
   *
   * @throws IllegalArgumentException naming an ident given twice
   */
  public static WorldGraph of(Collection<Plan> plans) {
    return of(plans, ident -> false);
  }

  private static WorldGraph of(Collection<Plan> plans, Predicate<PackageIdent> satisfied) {
    Map<PackageIdent, Plan> byIdent = new HashMap<>(plans.size() * 2);
    for (Plan plan : plans) {
      Plan earlier = byIdent.put(plan.ident(), plan);
      if (earlier != null) {
        throw new IllegalArgumentException(
            "two plans for " + plan.ident() + ": " + earlier.path() + " and " + plan.path());
      }
    }
    for (Plan plan : plans) {
      for (Dependency dep : plan.deps()) {
        if (!satisfied.test(dep.ident()) && !byIdent.containsKey(dep.ident())) {
          byIdent.put(dep.ident(), Plan.missing(dep.ident()));
        }
      }
    }
    return new WorldGraph(byIdent, IntGraph.of(byIdent.values(), satisfied));
  }

  /** Every plan, missing ones included, in no particular order. */
  public Collection<Plan> plans() {
    return Collections.unmodifiableCollection(plans.values());
  }

  /** The plan of an ident (origin/name), or null when the world has none. */
  public Plan plan(PackageIdent ident) {
    return plans.get(ident.originAndName());
  }

  /** The dependencies of a plan that the world graph keeps (no self-dependency, no repeat). */
  public List<DependencyEdge> dependenciesOf(PackageIdent ident) {
    Integer v = ints.index(ident.originAndName());
    return v == null ? List.of() : List.of(ints.in(v));
  }

  /** Each dependency no plan provides, with the plans that need it, sorted. */
  public Map<PackageIdent, List<PackageIdent>> missing() {
    Map<PackageIdent, List<PackageIdent>> out = new TreeMap<>(Idents.ORDER);
    for (Plan plan : plans.values()) {
      if (plan.isMissing()) {
        List<PackageIdent> needers = new ArrayList<>();
        for (int w : ints.out(ints.index(plan.ident()))) {
          needers.add(ints.ident(w)); // ascending numbers: already sorted by ident
        }
        out.put(plan.ident(), List.copyOf(needers));
      }
    }
    return out;
  }

  /**
   * This world with some plans taken out as already built (the base plans, when earlier stages
   * built them): they leave the order, and dependencies on them count as satisfied.
   */
  public WorldGraph without(Set<PackageIdent> built) {
    return without(built::contains);
  }

  /** This world without the plans the predicate picks; dependencies on them count as met. */
  public WorldGraph without(Predicate<PackageIdent> built) {
    List<Plan> kept = new ArrayList<>();
    for (Plan plan : plans.values()) {
      if (!plan.isMissing() && !built.test(plan.ident())) {
        kept.add(plan);
      }
    }
    return of(kept, built);
  }

  /**
   * Every plan after all of its dependencies; among plans ready at the same time, the smallest
   * ident first.
   *
   * @throws DependencyCycleException when plans depend on each other in a cycle; it describes each
   */
  public List<Plan> order() throws DependencyCycleException {
    List<DependencyCycle> cycles = cycles();
    if (!cycles.isEmpty()) {
      throw new DependencyCycleException(cycles);
    }
    return orderAllowingCycles();
  }

  /**
   * The build order even when there are cycles: each cycle's members are ordered deterministically
   * (cutting edges into its smallest waiting member), everything else correctly.
   */
  public List<Plan> orderAllowingCycles() {
    if (cachedOrder == null) {
      List<Plan> order = new ArrayList<>(plans.size());
      for (PackageIdent ident : new Ordering(ints).order()) {
        order.add(plans.get(ident));
      }
      cachedOrder = Collections.unmodifiableList(order);
    }
    return cachedOrder;
  }

  /** The dependency cycles: one per strongly connected component of more than one plan. */
  public List<DependencyCycle> cycles() {
    return new CycleAnalysis(ints).cycles();
  }

  /**
   * The plans that depend on any of these idents, transitively (or only directly), in build order.
   * Runs in time linear in the size of the world.
   *
   * @throws IllegalArgumentException naming an ident the world does not know
   */
  public Dependents dependentsOf(Collection<PackageIdent> idents, boolean direct) {
    return Dependents.find(this, ints, idents, direct);
  }

  /** This world as a JGraphT graph (built on first use), edges from dependency to dependent. */
  public Graph<PackageIdent, DependencyEdge> asGraph() {
    if (graph == null) {
      Graph<PackageIdent, DependencyEdge> g = new DirectedMultigraph<>(null, null, false);
      plans.keySet().forEach(g::addVertex);
      for (int v = 0; v < ints.size(); v++) {
        for (DependencyEdge e : ints.in(v)) {
          g.addEdge(e.target(), e.dependent(), e);
        }
      }
      graph = g;
    }
    return graph;
  }
}
