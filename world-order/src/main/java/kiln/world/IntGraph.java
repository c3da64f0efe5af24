package kiln.world;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The world graph in arrays, for the linear-time walks: vertices numbered in ident order (a smaller
 * number is a smaller ident); for each, the plans that need it ({@link #out}) and the dependency
 * edges it declares ({@link #in}), self-dependencies and repeats dropped.
 */
final class IntGraph {

  private final PackageIdent[] idents;
  private final int[][] out;
  private final DependencyEdge[][] in;
  private final Map<PackageIdent, Integer> index;

  private IntGraph(
      PackageIdent[] idents, int[][] out, DependencyEdge[][] in, Map<PackageIdent, Integer> index) {
    this.idents = idents;
    this.out = out;
    this.in = in;
    this.index = index;
  }

  /** A graph of these vertices and edges (for the sub-graphs of cycle analysis). */
  static IntGraph of(PackageIdent[] idents, int[][] out) {
    return new IntGraph(idents, out, new DependencyEdge[idents.length][], Map.of());
  }

  /**
   * The graph of these plans (missing ones included) in time linear in their dependencies.
   * Dependencies on idents {@code satisfied} picks are not edges.
   */
  static IntGraph of(Collection<Plan> plans, Predicate<PackageIdent> satisfied) {
    // Sort on texts made once: comparing idents by toString() would build them n log n times.
    List<Map.Entry<String, PackageIdent>> keyed = new ArrayList<>(plans.size());
    for (Plan plan : plans) {
      keyed.add(Map.entry(plan.ident().toString(), plan.ident()));
    }
    keyed.sort(Map.Entry.comparingByKey());
    int n = keyed.size();
    PackageIdent[] idents = new PackageIdent[n];
    Map<PackageIdent, Integer> index = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      idents[i] = keyed.get(i).getValue();
      index.put(idents[i], i);
    }
    DependencyEdge[][] in = new DependencyEdge[n][];
    int[] outDegree = new int[n];
    for (Plan plan : plans) {
      int v = index.get(plan.ident());
      List<DependencyEdge> edges = new ArrayList<>(plan.deps().size());
      Set<PackageIdent> seen = new HashSet<>();
      for (Dependency dep : plan.deps()) {
        if (dep.ident().equals(plan.ident())
            || satisfied.test(dep.ident())
            || !seen.add(dep.ident())) {
          continue; // a self-dependency, one met elsewhere, or one declared twice (first kept)
        }
        edges.add(new DependencyEdge(plan.ident(), dep));
        outDegree[index.get(dep.ident())]++;
      }
      in[v] = edges.toArray(new DependencyEdge[0]);
    }
    int[][] out = new int[n][];
    for (int v = 0; v < n; v++) {
      out[v] = new int[outDegree[v]];
    }
    int[] filled = new int[n];
    for (int v = 0; v < n; v++) {
      for (DependencyEdge e : in[v]) {
        int w = index.get(e.target());
        out[w][filled[w]++] = v; // v ascending, so each list comes out sorted
      }
    }
    return new IntGraph(idents, out, in, index);
  }

  int size() {
    return idents.length;
  }

  /** The plans that need {@code v}, ascending. */
  int[] out(int v) {
    return out[v];
  }

  /** The dependencies {@code v} declares. */
  DependencyEdge[] in(int v) {
    return in[v];
  }

  PackageIdent ident(int v) {
    return idents[v];
  }

  /** The number of an ident, or null when the graph does not have it. */
  Integer index(PackageIdent ident) {
    return index.get(ident);
  }
}
