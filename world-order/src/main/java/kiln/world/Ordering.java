package kiln.world;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Build order in linear time (plus a log factor for ties): strongly connected components (iterative
 * Tarjan), then Kahn's algorithm over the components, always taking the ready component whose
 * smallest ident is smallest. A component of several plans (a cycle) is ordered inside by the same
 * rule, cutting an edge to its smallest remaining plan when none is ready.
 */
final class Ordering {

  private final IntGraph g;

  Ordering(IntGraph graph) {
    this.g = graph;
  }

  List<PackageIdent> order() {
    int n = g.size();
    int[] comp = new Tarjan(g).components();
    int comps = 0;
    for (int c : comp) {
      comps = Math.max(comps, c + 1);
    }
    int[] compMin = new int[comps];
    Arrays.fill(compMin, Integer.MAX_VALUE);
    int[] indegree = new int[comps];
    List<List<Integer>> members = new ArrayList<>(comps);
    for (int c = 0; c < comps; c++) {
      members.add(new ArrayList<>(1));
    }
    for (int v = 0; v < n; v++) {
      compMin[comp[v]] = Math.min(compMin[comp[v]], v);
      members.get(comp[v]).add(v);
      for (int w : g.out(v)) {
        if (comp[w] != comp[v]) {
          indegree[comp[w]]++;
        }
      }
    }
    PriorityQueue<Integer> ready = new PriorityQueue<>((a, b) -> compMin[a] - compMin[b]);
    for (int c = 0; c < comps; c++) {
      if (indegree[c] == 0) {
        ready.add(c);
      }
    }
    List<PackageIdent> out = new ArrayList<>(n);
    while (!ready.isEmpty()) {
      int c = ready.poll();
      for (int v : inside(members.get(c), comp)) {
        out.add(g.ident(v));
        for (int w : g.out(v)) {
          if (comp[w] != c && --indegree[comp[w]] == 0) {
            ready.add(comp[w]);
          }
        }
      }
    }
    return out;
  }

  /** The members of one component in order; a cycle is cut at its smallest ready-less plan. */
  private int[] inside(List<Integer> members, int[] comp) {
    if (members.size() == 1) {
      return new int[] {members.get(0)};
    }
    int c = comp[members.get(0)];
    java.util.Map<Integer, Integer> pending = new java.util.HashMap<>();
    for (int v : members) {
      pending.put(v, 0);
    }
    for (int v : members) {
      for (int w : g.out(v)) {
        if (comp[w] == c) {
          pending.merge(w, 1, Integer::sum);
        }
      }
    }
    PriorityQueue<Integer> ready = new PriorityQueue<>();
    java.util.TreeSet<Integer> left = new java.util.TreeSet<>(members);
    members.stream().filter(v -> pending.get(v) == 0).forEach(ready::add);
    int[] out = new int[members.size()];
    int k = 0;
    while (!left.isEmpty()) {
      int v = ready.isEmpty() ? left.first() : ready.poll();
      if (!left.remove(v)) {
        continue;
      }
      out[k++] = v;
      for (int w : g.out(v)) {
        if (comp[w] == c && left.contains(w) && pending.merge(w, -1, Integer::sum) == 0) {
          ready.add(w);
        }
      }
    }
    return out;
  }
}
