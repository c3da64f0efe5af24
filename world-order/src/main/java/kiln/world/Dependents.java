package kiln.world;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrapht.Graph;

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
      WorldGraph world,
      Graph<PackageIdent, DependencyEdge> g,
      Collection<PackageIdent> idents,
      boolean direct) {
    List<PackageIdent> roots = new ArrayList<>();
    for (PackageIdent ident : idents) {
      PackageIdent root = ident.originAndName();
      if (!g.containsVertex(root)) {
        throw new IllegalArgumentException(
            "no plan in this world is or needs " + root + "; check the ident and the plans given");
      }
      roots.add(root);
    }
    Set<PackageIdent> isRoot = new HashSet<>(roots);
    // Breadth first from the roots; each plan's dependents come out of the graph sorted by ident,
    // so the edge a plan is first reached by (its --explain chain) does not depend on the input.
    Map<PackageIdent, DependencyEdge> reachedBy = new HashMap<>();
    ArrayDeque<PackageIdent> queue = new ArrayDeque<>(roots);
    while (!queue.isEmpty()) {
      for (DependencyEdge e : g.outgoingEdgesOf(queue.poll())) {
        PackageIdent w = g.getEdgeTarget(e);
        if (!isRoot.contains(w) && reachedBy.putIfAbsent(w, e) == null && !direct) {
          queue.add(w);
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
