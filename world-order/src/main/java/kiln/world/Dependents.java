package kiln.world;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;

/**
 * The plans that depend on some idents, in build order, each with the edge it was first reached by,
 * so one dependency chain back to an ident can be told ({@link #chain}).
 *
 * @param roots the idents asked about
 * @param plans the dependents in build order
 * @param reachedBy for each dependent, the dependency edge that first led to it
 */
public record Dependents(
    List<PackageIdent> roots, List<Plan> plans, Map<PackageIdent, DependencyEdge> reachedBy) {

  public Dependents {
    roots = List.copyOf(roots);
    plans = List.copyOf(plans);
    reachedBy = Map.copyOf(reachedBy);
  }

  /** One shortest chain from a dependent back to one of the roots: {@code [p -> q, q -> root]}. */
  public List<DependencyEdge> chain(PackageIdent dependent) {
    LinkedList<DependencyEdge> chain = new LinkedList<>();
    PackageIdent at = dependent;
    DependencyEdge e;
    while ((e = reachedBy.get(at)) != null && chain.size() <= reachedBy.size()) {
      chain.add(e);
      at = e.target();
      if (roots.contains(at)) {
        break;
      }
    }
    return chain;
  }

  static Dependents find(
      WorldGraph world, IntGraph g, Collection<PackageIdent> idents, boolean direct) {
    List<PackageIdent> roots = new ArrayList<>();
    boolean[] isRoot = new boolean[g.size()];
    for (PackageIdent ident : idents) {
      PackageIdent root = ident.originAndName();
      Integer v = g.index(root);
      if (v == null) {
        throw new IllegalArgumentException(
            "no plan in this world is or needs " + root + "; check the ident and the plans given");
      }
      roots.add(root);
      isRoot[v] = true;
    }
    int[] from = new int[g.size()];
    java.util.Arrays.fill(from, -1);
    int[] queue = new int[g.size()];
    int head = 0;
    int tail = 0;
    for (PackageIdent root : roots) {
      queue[tail++] = g.index(root);
    }
    while (head < tail) {
      int v = queue[head++];
      for (int w : g.out(v)) {
        if (from[w] < 0 && !isRoot[w]) {
          from[w] = v;
          if (!direct) {
            queue[tail++] = w;
          }
        }
      }
    }
    Map<PackageIdent, DependencyEdge> reachedBy = new HashMap<>();
    for (int w = 0; w < g.size(); w++) {
      if (from[w] >= 0) {
        PackageIdent need = g.ident(from[w]);
        for (DependencyEdge e : g.in(w)) {
          if (e.target().equals(need)) {
            reachedBy.put(g.ident(w), e);
            break;
          }
        }
      }
    }
    List<Plan> ordered = new ArrayList<>(reachedBy.size());
    for (Plan plan : world.orderAllowingCycles()) {
      if (reachedBy.containsKey(plan.ident())) {
        ordered.add(plan);
      }
    }
    return new Dependents(roots, ordered, reachedBy);
  }
}
