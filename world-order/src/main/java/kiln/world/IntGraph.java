package kiln.world;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;

/**
 * A compact copy of the world graph for the linear-time walks: vertices numbered in ident order (so
 * a smaller number is a smaller ident), edges as int arrays from dependency to dependent.
 */
final class IntGraph {

  private final PackageIdent[] idents;
  private final int[][] out;
  private final Map<PackageIdent, Integer> index;

  private IntGraph(PackageIdent[] idents, int[][] out, Map<PackageIdent, Integer> index) {
    this.idents = idents;
    this.out = out;
    this.index = index;
  }

  /** A graph of these vertices and edges (for the sub-graphs of cycle analysis). */
  static IntGraph of(PackageIdent[] idents, int[][] out) {
    return new IntGraph(idents, out, Map.of());
  }

  static IntGraph of(Graph<PackageIdent, DependencyEdge> graph) {
    // Sort on texts made once: comparing idents by toString() would build them n log n times.
    List<Map.Entry<String, PackageIdent>> keyed = new ArrayList<>(graph.vertexSet().size());
    for (PackageIdent ident : graph.vertexSet()) {
      keyed.add(Map.entry(ident.toString(), ident));
    }
    keyed.sort(Map.Entry.comparingByKey());
    PackageIdent[] idents = new PackageIdent[keyed.size()];
    for (int i = 0; i < idents.length; i++) {
      idents[i] = keyed.get(i).getValue();
    }
    Map<PackageIdent, Integer> index = new HashMap<>(idents.length * 2);
    for (int i = 0; i < idents.length; i++) {
      index.put(idents[i], i);
    }
    int[][] out = new int[idents.length][];
    for (int i = 0; i < idents.length; i++) {
      var edges = graph.outgoingEdgesOf(idents[i]);
      int[] targets = new int[edges.size()];
      int k = 0;
      for (DependencyEdge e : edges) {
        targets[k++] = index.get(e.dependent());
      }
      java.util.Arrays.sort(targets);
      out[i] = targets;
    }
    return new IntGraph(idents, out, index);
  }

  int size() {
    return idents.length;
  }

  int[] out(int v) {
    return out[v];
  }

  PackageIdent ident(int v) {
    return idents[v];
  }

  Integer index(PackageIdent ident) {
    return index.get(ident);
  }
}
