package kiln.world;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
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
      Graph<PackageIdent, DependencyEdge> graph,
      Collection<PackageIdent> idents,
      boolean direct) {
    List<PackageIdent> roots = new ArrayList<>();
    for (PackageIdent ident : idents) {
      PackageIdent root = ident.originAndName();
      if (!graph.containsVertex(root)) {
        throw new IllegalArgumentException(
            "no plan in this world is or needs " + root + "; check the ident and the plans given");
      }
      roots.add(root);
    }
    Map<PackageIdent, DependencyEdge> reachedBy = new HashMap<>();
    ArrayDeque<PackageIdent> queue = new ArrayDeque<>(roots);
    while (!queue.isEmpty()) {
      PackageIdent at = queue.poll();
      for (DependencyEdge e : graph.outgoingEdgesOf(at)) {
        if (!reachedBy.containsKey(e.dependent()) && !roots.contains(e.dependent())) {
          reachedBy.put(e.dependent(), e);
          if (!direct) {
            queue.add(e.dependent());
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
