package kiln.world;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedMultigraph;

/**
 * The world as a graph of plans: an edge runs from a dependency to the plan that needs it, so build
 * order is a topological order. Self-dependencies are dropped (a package may build with an older
 * version of itself); a dependency no plan provides becomes a {@link Plan#missing missing} plan.
 * Answers in what order to build ({@link #order()}), what depends on a plan ({@link #dependentsOf})
 * and why there is no order ({@link #cycles()}).
 *
 * <p>Every answer is deterministic and independent of the order plans were given in: ties are
 * broken by ident.
 */
public final class WorldGraph {

  private final Graph<PackageIdent, DependencyEdge> graph;
  private final Map<PackageIdent, Plan> plans;
  private List<Plan> cachedOrder;
  private IntGraph ints;

  private WorldGraph(Graph<PackageIdent, DependencyEdge> graph, Map<PackageIdent, Plan> plans) {
    this.graph = graph;
    this.plans = plans;
  }

  /**
   * The graph of these plans (one per ident: resolve duplicates first).
   *
   * @throws IllegalArgumentException naming an ident given twice
   */
  public static WorldGraph of(Collection<Plan> plans) {
    Graph<PackageIdent, DependencyEdge> graph = newGraph();
    Map<PackageIdent, Plan> byIdent = new HashMap<>(plans.size() * 2);
    for (Plan plan : plans) {
      Plan earlier = byIdent.put(plan.ident(), plan);
      if (earlier != null) {
        throw new IllegalArgumentException(
            "two plans for " + plan.ident() + ": " + earlier.path() + " and " + plan.path());
      }
      graph.addVertex(plan.ident());
    }
    for (Plan plan : plans) {
      Set<PackageIdent> seen = new java.util.HashSet<>();
      for (Dependency dep : plan.deps()) {
        if (dep.ident().equals(plan.ident()) || !seen.add(dep.ident())) {
          continue; // a self-dependency, or one declared twice: the first declaration is kept
        }
        if (byIdent.putIfAbsent(dep.ident(), Plan.missing(dep.ident())) == null) {
          graph.addVertex(dep.ident());
        }
        graph.addEdge(dep.ident(), plan.ident(), new DependencyEdge(plan.ident(), dep));
      }
    }
    return new WorldGraph(graph, byIdent);
  }

  /**
   * A multigraph, though each pair has one edge at most (duplicates are dropped above): JGraphT's
   * simple graphs check for an existing edge by scanning the source's edges, quadratic for a plan
   * that 100k plans need.
   */
  private static Graph<PackageIdent, DependencyEdge> newGraph() {
    return new DirectedMultigraph<>(null, null, false);
  }

  /** Every plan, missing ones included, in no particular order. */
  public Collection<Plan> plans() {
    return Collections.unmodifiableCollection(plans.values());
  }

  /** The plan of an ident (origin/name), or null when the world has none. */
  public Plan plan(PackageIdent ident) {
    return plans.get(ident.originAndName());
  }

  /** The dependencies of a plan that the world graph keeps (no self-dependency, no duplicate). */
  public List<DependencyEdge> dependenciesOf(PackageIdent ident) {
    return List.copyOf(graph.incomingEdgesOf(ident.originAndName()));
  }

  /** Each dependency no plan provides, with the plans that need it, sorted. */
  public Map<PackageIdent, List<PackageIdent>> missing() {
    Map<PackageIdent, List<PackageIdent>> out = new TreeMap<>(Idents.ORDER);
    for (Plan plan : plans.values()) {
      if (plan.isMissing()) {
        Set<PackageIdent> needers = new TreeSet<>(Idents.ORDER);
        graph.outgoingEdgesOf(plan.ident()).forEach(e -> needers.add(e.dependent()));
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
  public WorldGraph without(java.util.function.Predicate<PackageIdent> built) {
    Graph<PackageIdent, DependencyEdge> copy = newGraph();
    Map<PackageIdent, Plan> kept = new HashMap<>();
    for (Plan plan : plans.values()) {
      if (!built.test(plan.ident())) {
        kept.put(plan.ident(), plan);
        copy.addVertex(plan.ident());
      }
    }
    for (DependencyEdge e : graph.edgeSet()) {
      PackageIdent from = graph.getEdgeSource(e);
      PackageIdent to = graph.getEdgeTarget(e);
      if (kept.containsKey(from) && kept.containsKey(to)) {
        copy.addEdge(from, to, e);
      }
    }
    // A missing plan only some base plan needed is no longer needed by anyone.
    for (PackageIdent ident : List.copyOf(copy.vertexSet())) {
      if (kept.get(ident).isMissing() && copy.outDegreeOf(ident) == 0) {
        copy.removeVertex(ident);
        kept.remove(ident);
      }
    }
    return new WorldGraph(copy, kept);
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
   * (as if the fewest of their edges were cut), everything else correctly.
   */
  public List<Plan> orderAllowingCycles() {
    if (cachedOrder == null) {
      List<Plan> order = new ArrayList<>(plans.size());
      for (PackageIdent ident : new Ordering(ints()).order()) {
        order.add(plans.get(ident));
      }
      cachedOrder = Collections.unmodifiableList(order);
    }
    return cachedOrder;
  }

  private IntGraph ints() {
    if (ints == null) {
      ints = IntGraph.of(graph);
    }
    return ints;
  }

  /** The dependency cycles: one per strongly connected component of more than one plan. */
  public List<DependencyCycle> cycles() {
    return new CycleAnalysis(graph, ints()).cycles();
  }

  /**
   * The plans that depend on any of these idents, transitively (or only directly), in build order.
   * Runs in time linear in the size of the world.
   *
   * @throws IllegalArgumentException naming an ident the world does not know
   */
  public Dependents dependentsOf(Collection<PackageIdent> idents, boolean direct) {
    return Dependents.find(this, graph, idents, direct);
  }
}
