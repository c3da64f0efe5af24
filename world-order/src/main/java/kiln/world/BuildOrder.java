package kiln.world;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedMultigraph;
import org.jgrapht.traverse.NotDirectedAcyclicGraphException;
import org.jgrapht.traverse.TopologicalOrderIterator;

/**
 * Build order through JGraphT: the condensation of the world's strongly connected components, put
 * in order by a {@link TopologicalOrderIterator} that always takes the ready component whose
 * smallest ident is smallest. A component of several plans (a cycle) is ordered inside by the same
 * rule, cutting the edges into its smallest waiting plan when none is ready.
 */
final class BuildOrder {

  /**
   * A vertex of the condensation: the members of one component, smallest ident first. Compared by
   * identity (a record would hash its whole member list at every step of the walk).
   */
  private static final class Component {
    private final List<PackageIdent> members;

    Component(List<PackageIdent> members) {
      this.members = members;
    }

    List<PackageIdent> members() {
      return members;
    }
  }

  private final Graph<PackageIdent, DependencyEdge> graph;

  /** The order of this world, edges from a dependency to the plan that needs it. */
  BuildOrder(Graph<PackageIdent, DependencyEdge> graph) {
    this.graph = graph;
  }

  /**
   * Every vertex after its dependencies.
   *
   * @param components the strongly connected components, asked for only when there is a cycle
   * @return the order, and whether a cycle had to be cut
   */
  Result order(Supplier<List<Set<PackageIdent>>> components) {
    List<PackageIdent> out = new ArrayList<>(graph.vertexSet().size());
    try {
      // Without a cycle every component is one plan and the condensation is the graph itself:
      // ordering it as it is saves finding the components and copying the graph.
      new TopologicalOrderIterator<>(graph, Idents.ORDER).forEachRemaining(out::add);
      return new Result(out, false);
    } catch (NotDirectedAcyclicGraphException cycle) {
      out.clear();
    }
    Graph<Component, DefaultEdge> condensation = condensation(components.get());
    Comparator<Component> bySmallest = Comparator.comparing(c -> c.members().get(0), Idents.ORDER);
    new TopologicalOrderIterator<>(condensation, bySmallest)
        .forEachRemaining(c -> out.addAll(inside(c.members())));
    return new Result(out, true);
  }

  /**
   * A build order.
   *
   * @param order every vertex once
   * @param cut true when the graph has cycles and their members were ordered by cutting edges
   */
  record Result(List<PackageIdent> order, boolean cut) {}

  private Graph<Component, DefaultEdge> condensation(List<Set<PackageIdent>> components) {
    Graph<Component, DefaultEdge> condensation =
        new DirectedMultigraph<>(null, DefaultEdge::new, false);
    Map<PackageIdent, Component> of = new HashMap<>(graph.vertexSet().size() * 2);
    for (Set<PackageIdent> set : components) {
      List<PackageIdent> members = new ArrayList<>(set);
      members.sort(Idents.ORDER);
      Component c = new Component(members);
      condensation.addVertex(c);
      members.forEach(m -> of.put(m, c));
    }
    for (DependencyEdge e : graph.edgeSet()) {
      Component from = of.get(graph.getEdgeSource(e));
      Component to = of.get(graph.getEdgeTarget(e));
      if (from != to) {
        condensation.addEdge(from, to);
      }
    }
    return condensation;
  }

  /** The members of one component in order, cutting its cycles at the smallest waiting member. */
  private List<PackageIdent> inside(List<PackageIdent> members) {
    if (members.size() == 1) {
      return members;
    }
    Map<PackageIdent, Integer> pending = new HashMap<>();
    members.forEach(m -> pending.put(m, 0));
    for (PackageIdent m : members) {
      for (DependencyEdge e : graph.outgoingEdgesOf(m)) {
        pending.computeIfPresent(graph.getEdgeTarget(e), (w, n) -> n + 1);
      }
    }
    PriorityQueue<PackageIdent> ready = new PriorityQueue<>(Idents.ORDER);
    TreeSet<PackageIdent> left = new TreeSet<>(Idents.ORDER);
    left.addAll(members);
    members.stream().filter(m -> pending.get(m) == 0).forEach(ready::add);
    List<PackageIdent> out = new ArrayList<>(members.size());
    while (!left.isEmpty()) {
      PackageIdent v = ready.isEmpty() ? left.first() : ready.poll();
      if (!left.remove(v)) {
        continue;
      }
      out.add(v);
      for (DependencyEdge e : graph.outgoingEdgesOf(v)) {
        PackageIdent w = graph.getEdgeTarget(e);
        if (left.contains(w) && pending.merge(w, -1, Integer::sum) == 0) {
          ready.add(w);
        }
      }
    }
    return out;
  }
}
