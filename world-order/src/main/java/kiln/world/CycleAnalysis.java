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
 * Finds the dependency cycles of a world (strongly connected components, Tarjan on the arrays) and
 * describes each (see {@link DependencyCycle}); the what-if analysis of a cycle runs on a small
 * JGraphT graph of its members.
 */
final class CycleAnalysis {

  /** Above this many edges inside a cycle, only the loop's edges are tried as breakers. */
  private static final int MAX_BREAKER_TRIES = 400;

  private final IntGraph g;

  CycleAnalysis(IntGraph ints) {
    this.g = ints;
  }

  List<DependencyCycle> cycles() {
    int[] comp = new Tarjan(g).components();
    int[] size = new int[g.size()];
    for (int v = 0; v < g.size(); v++) {
      size[comp[v]]++;
    }
    Map<Integer, List<PackageIdent>> byComp = new HashMap<>();
    for (int v = 0; v < g.size(); v++) {
      if (size[comp[v]] > 1) {
        byComp.computeIfAbsent(comp[v], c -> new ArrayList<>()).add(g.ident(v));
      }
    }
    List<DependencyCycle> cycles = new ArrayList<>();
    for (List<PackageIdent> members : byComp.values()) {
      cycles.add(describe(members)); // members ascending: vertex numbers follow ident order
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
      for (DependencyEdge e : g.in(g.index(m))) {
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
      List<DependencyEdge> deps = new ArrayList<>(List.of(g.in(g.index(a))));
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
  private static int leftInCycle(
      List<PackageIdent> members, List<DependencyEdge> inner, DependencyEdge cut) {
    Graph<PackageIdent, DependencyEdge> sub = new DirectedMultigraph<>(null, null, false);
    members.forEach(sub::addVertex);
    for (DependencyEdge e : inner) {
      if (e != cut) {
        sub.addEdge(e.target(), e.dependent(), e);
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
    boolean[] seen = new boolean[g.size()];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (PackageIdent m : members) {
      seen[g.index(m)] = true;
      queue.add(g.index(m));
    }
    List<PackageIdent> out = new ArrayList<>();
    while (!queue.isEmpty()) {
      for (int w : g.out(queue.poll())) {
        if (!seen[w]) {
          seen[w] = true;
          out.add(g.ident(w));
          queue.add(w);
        }
      }
    }
    out.sort(Idents.ORDER);
    return out;
  }
}
