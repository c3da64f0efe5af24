package kiln.world;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.DirectedMultigraph;

/**
 * Describes the dependency cycles of a world (its strongly connected components of more than one
 * plan, see {@link DependencyCycle}); the what-if analysis of a cycle runs on a small JGraphT graph
 * of its members.
 */
final class CycleAnalysis {

  /** Above this many edges inside a cycle, only the loop's edges are tried as breakers. */
  private static final int MAX_BREAKER_TRIES = 400;

  private final Graph<PackageIdent, DependencyEdge> g;

  CycleAnalysis(Graph<PackageIdent, DependencyEdge> graph) {
    this.g = graph;
  }

  /** One cycle per component of several plans, largest first, then by smallest member. */
  List<DependencyCycle> cycles(List<Set<PackageIdent>> components) {
    List<DependencyCycle> cycles = new ArrayList<>();
    for (Set<PackageIdent> component : components) {
      if (component.size() > 1) {
        List<PackageIdent> members = new ArrayList<>(component);
        members.sort(Idents.ORDER);
        cycles.add(describe(members));
      }
    }
    cycles.sort(
        Comparator.comparing((DependencyCycle c) -> -c.members().size())
            .thenComparing(c -> c.members().get(0), Idents.ORDER));
    return cycles;
  }

  private DependencyCycle describe(List<PackageIdent> members) {
    Set<PackageIdent> in = new HashSet<>(members);
    List<DependencyEdge> inner = new ArrayList<>();
    for (PackageIdent m : members) {
      for (DependencyEdge e : g.incomingEdgesOf(m)) {
        if (in.contains(e.target())) {
          inner.add(e);
        }
      }
    }
    inner.sort(Comparator.comparing(DependencyEdge::toString));
    List<DependencyEdge> loop = loop(members.get(0), in);
    List<DependencyEdge> tries = inner.size() <= MAX_BREAKER_TRIES ? inner : loop;
    DependencyEdge best = null;
    int bestLeft = Integer.MAX_VALUE;
    for (DependencyEdge candidate : tries) {
      int left = leftInCycle(members, inner, candidate);
      if (left < bestLeft) {
        best = candidate;
        bestLeft = left;
      }
    }
    return new DependencyCycle(members, loop, blocked(members, in), best, bestLeft);
  }

  /** The shortest loop from {@code start} back to itself, following "depends on" edges. */
  private List<DependencyEdge> loop(PackageIdent start, Set<PackageIdent> in) {
    Map<PackageIdent, DependencyEdge> reachedBy = new HashMap<>();
    ArrayDeque<PackageIdent> queue = new ArrayDeque<>(List.of(start));
    while (!queue.isEmpty()) {
      PackageIdent a = queue.poll();
      List<DependencyEdge> deps = new ArrayList<>(g.incomingEdgesOf(a));
      deps.sort(Comparator.comparing(DependencyEdge::target, Idents.ORDER));
      for (DependencyEdge e : deps) {
        PackageIdent b = e.target();
        if (b.equals(start)) {
          LinkedList<DependencyEdge> path = new LinkedList<>(List.of(e));
          for (PackageIdent at = a; !at.equals(start); at = reachedBy.get(at).dependent()) {
            path.addFirst(reachedBy.get(at));
          }
          return path;
        }
        if (in.contains(b) && !reachedBy.containsKey(b)) {
          reachedBy.put(b, e);
          queue.add(b);
        }
      }
    }
    throw new IllegalStateException("no loop through " + start + " in its own component");
  }

  /** How many members are still in some cycle once {@code cut} is gone. */
  private int leftInCycle(
      List<PackageIdent> members, List<DependencyEdge> inner, DependencyEdge cut) {
    Graph<PackageIdent, DependencyEdge> sub = new DirectedMultigraph<>(null, null, false);
    members.forEach(sub::addVertex);
    for (DependencyEdge e : inner) {
      if (e != cut) {
        sub.addEdge(
            g.getEdgeSource(e), g.getEdgeTarget(e), e); // the very vertices: see DependencyEdge
      }
    }
    int left = 0;
    for (Set<PackageIdent> scc :
        new KosarajuStrongConnectivityInspector<>(sub).stronglyConnectedSets()) {
      left += scc.size() > 1 ? scc.size() : 0;
    }
    return left;
  }

  private List<PackageIdent> blocked(List<PackageIdent> members, Set<PackageIdent> in) {
    Set<PackageIdent> seen = new HashSet<>(in);
    ArrayDeque<PackageIdent> queue = new ArrayDeque<>(members);
    List<PackageIdent> out = new ArrayList<>();
    while (!queue.isEmpty()) {
      for (DependencyEdge e : g.outgoingEdgesOf(queue.poll())) {
        PackageIdent w = g.getEdgeTarget(e);
        if (seen.add(w)) {
          out.add(w);
          queue.add(w);
        }
      }
    }
    out.sort(Idents.ORDER);
    return out;
  }
}
