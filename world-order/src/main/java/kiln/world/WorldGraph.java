package kiln.world;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.AbstractBaseGraph;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.DefaultGraphSpecificsStrategy;
import org.jgrapht.graph.DefaultGraphType;

/**
 * The world as a graph of plans: an edge runs from a dependency to the plan that needs it, so build
 * order is a topological order. Self-dependencies are dropped (a package may build with an older
 * version of itself); a dependency no plan provides becomes a {@link Plan#missing missing} plan.
 * Answers in what order to build ({@link #order()}), what depends on a plan ({@link #dependentsOf})
 * and why there is no order ({@link #cycles()}).
 *
 * <p>One JGraphT graph holds the world ({@link #asGraph()}); every answer is computed on it and is
 * deterministic and independent of the order plans were given in: ties are broken by ident.
 */
public final class WorldGraph {

  private final Map<PackageIdent, Plan> plans;
  private final Graph<PackageIdent, DependencyEdge> graph;
  private List<Set<PackageIdent>> components;
  private List<Plan> cachedOrder;
  private boolean cyclic;

  private WorldGraph(Map<PackageIdent, Plan> plans, Graph<PackageIdent, DependencyEdge> graph) {
    this.plans = plans;
    this.graph = graph;
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
    // Vertices and edges go in in ident order: each plan's dependents then come out of the graph
    // sorted, its dependencies in declaration order.
    List<Plan> sorted = new ArrayList<>(byIdent.values());
    sorted.sort(Comparator.comparing(Plan::ident, Idents.ORDER));
    Graph<PackageIdent, DependencyEdge> graph = new Digraph();
    sorted.forEach(p -> graph.addVertex(p.ident()));
    for (Plan plan : sorted) {
      Set<PackageIdent> seen = new HashSet<>();
      for (Dependency dep : plan.deps()) {
        if (dep.ident().equals(plan.ident())
            || satisfied.test(dep.ident())
            || !seen.add(dep.ident())) {
          continue; // a self-dependency, one met elsewhere, or one declared twice (first kept)
        }
        PackageIdent needed = byIdent.get(dep.ident()).ident(); // the vertex itself: fast lookups
        graph.addEdge(needed, plan.ident(), new DependencyEdge(plan.ident(), dep));
      }
    }
    return new WorldGraph(byIdent, graph);
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
    PackageIdent v = ident.originAndName();
    return graph.containsVertex(v) ? List.copyOf(graph.incomingEdgesOf(v)) : List.of();
  }

  /** Each dependency no plan provides, with the plans that need it, sorted. */
  public Map<PackageIdent, List<PackageIdent>> missing() {
    Map<PackageIdent, List<PackageIdent>> out = new TreeMap<>(Idents.ORDER);
    for (Plan plan : plans.values()) {
      if (plan.isMissing()) {
        List<PackageIdent> needers = new ArrayList<>();
        for (DependencyEdge e : graph.outgoingEdgesOf(plan.ident())) {
          needers.add(e.dependent()); // edges went in in ident order: already sorted
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
    List<Plan> order = orderAllowingCycles();
    if (cyclic) {
      throw new DependencyCycleException(cycles());
    }
    return order;
  }

  /**
   * The build order even when there are cycles: each cycle's members are ordered deterministically
   * (cutting edges into its smallest waiting member), everything else correctly.
   */
  public List<Plan> orderAllowingCycles() {
    if (cachedOrder == null) {
      BuildOrder.Result result = new BuildOrder(graph).order(this::components);
      List<Plan> order = new ArrayList<>(plans.size());
      for (PackageIdent ident : result.order()) {
        order.add(plans.get(ident));
      }
      cyclic = result.cut();
      cachedOrder = Collections.unmodifiableList(order);
    }
    return cachedOrder;
  }

  /** The dependency cycles: one per strongly connected component of more than one plan. */
  public List<DependencyCycle> cycles() {
    return new CycleAnalysis(graph).cycles(components());
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

  /** This world as a JGraphT graph (read only), edges from dependency to dependent. */
  public Graph<PackageIdent, DependencyEdge> asGraph() {
    return new AsUnmodifiableGraph<>(graph);
  }

  /**
   * A JGraphT directed multigraph without the index of edges by their two ends: the world never
   * asks for the edges between two given plans, and the index cost a third of building the graph.
   */
  private static final class Digraph extends AbstractBaseGraph<PackageIdent, DependencyEdge> {
    private static final long serialVersionUID = 1L;

    Digraph() {
      super(
          null, null, DefaultGraphType.directedMultigraph(), new DefaultGraphSpecificsStrategy<>());
    }
  }

  /** The strongly connected components (JGraphT's Kosaraju: iterative, so deep worlds work). */
  private List<Set<PackageIdent>> components() {
    if (components == null) {
      components = new KosarajuStrongConnectivityInspector<>(graph).stronglyConnectedSets();
    }
    return components;
  }
}
