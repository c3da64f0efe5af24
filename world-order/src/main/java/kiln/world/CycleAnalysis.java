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

/** Finds the dependency cycles of a world and describes each (see {@link DependencyCycle}). */
final class CycleAnalysis {

  /** Above this many edges inside a cycle, only the loop's edges are tried as breakers. */
  private static final int MAX_BREAKER_TRIES = 400;

  private final Graph<PackageIdent, DependencyEdge> graph;
  private final IntGraph g;

  CycleAnalysis(Graph<PackageIdent, DependencyEdge> graph, IntGraph ints) {
    this.graph = graph;
    this.g = ints;
  }

  List<DependencyCycle> cycles() {
    int[] comp = new Tarjan(g).components();
    Map<Integer, List<PackageIdent>> byComp = new HashMap<>();
    int[] size = new int[g.size()];
    for (int v = 0; v < g.size(); v++) {
      size[comp[v]]++;
    }
    for (int v = 0; v < g.size(); v++) {
      if (size[comp[v]] > 1) {
        byComp.computeIfAbsent(comp[v], c -> new ArrayList<>()).add(g.ident(v));
      }
    }
    List<DependencyCycle> cycles = new ArrayList<>();
    for (List<PackageIdent> members : byComp.values()) {
      members.sort(Idents.ORDER);
      cycles.add(describe(members));
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
      for (DependencyEdge e : graph.incomingEdgesOf(m)) {
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
      List<DependencyEdge> deps = new ArrayList<>(graph.incomingEdgesOf(a));
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
    Map<PackageIdent, Integer> local = new HashMap<>();
    for (int i = 0; i < members.size(); i++) {
      local.put(members.get(i), i);
    }
    List<List<Integer>> out = new ArrayList<>();
    members.forEach(m -> out.add(new ArrayList<>()));
    for (DependencyEdge e : inner) {
      if (e != cut) {
        out.get(local.get(e.target())).add(local.get(e.dependent()));
      }
    }
    int[][] adjacency = new int[members.size()][];
    for (int i = 0; i < adjacency.length; i++) {
      adjacency[i] = out.get(i).stream().mapToInt(Integer::intValue).toArray();
    }
    int[] comp =
        new Tarjan(IntGraph.of(members.toArray(new PackageIdent[0]), adjacency)).components();
    int[] size = new int[members.size()];
    for (int c : comp) {
      size[c]++;
    }
    int left = 0;
    for (int c : comp) {
      left += size[c] > 1 ? 1 : 0;
    }
    return left;
  }

  private List<PackageIdent> blocked(List<PackageIdent> members, Set<PackageIdent> in) {
    Set<PackageIdent> seen = new HashSet<>(in);
    ArrayDeque<PackageIdent> queue = new ArrayDeque<>(members);
    List<PackageIdent> out = new ArrayList<>();
    while (!queue.isEmpty()) {
      for (DependencyEdge e : graph.outgoingEdgesOf(queue.poll())) {
        if (seen.add(e.dependent())) {
          out.add(e.dependent());
          queue.add(e.dependent());
        }
      }
    }
    out.sort(Idents.ORDER);
    return out;
  }
}
