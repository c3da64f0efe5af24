package kiln.world;

import java.util.Objects;
import org.jgrapht.graph.DefaultEdge;

/**
 * One edge of the world graph: a plan and one dependency it declares. A value (equal when plan and
 * dependency are), and a JGraphT edge that carries its own ends: the graph reads an edge's source
 * and target from the edge instead of hashing it at every step of a walk (docs/performance.md,
 * World order). JGraphT records the vertex objects in the edge, so an edge may go into another
 * graph only between the very same vertex objects.
 */
public final class DependencyEdge extends DefaultEdge {

  private static final long serialVersionUID = 1L;

  private final PackageIdent dependent;
  private final Dependency dependency;
  private final int hash;

  /**
   * @param dependent the plan that needs the dependency
   * @param dependency what it needs, and where it says so
   */
  public DependencyEdge(PackageIdent dependent, Dependency dependency) {
    this.dependent = Objects.requireNonNull(dependent, "dependent");
    this.dependency = Objects.requireNonNull(dependency, "dependency");
    this.hash = dependent.hashCode() * 31 + dependency.ident().hashCode();
  }

  /** The plan that needs the dependency. */
  public PackageIdent dependent() {
    return dependent;
  }

  /** What it needs, and where it says so. */
  public Dependency dependency() {
    return dependency;
  }

  /** The plan needed. */
  public PackageIdent target() {
    return dependency.ident();
  }

  @Override
  public boolean equals(Object o) {
    return o == this
        || o instanceof DependencyEdge e
            && hash == e.hash
            && dependent.equals(e.dependent)
            && dependency.equals(e.dependency);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  /** {@code core/gcc -> core/binutils (gcc/plan.sh:12)}. */
  @Override
  public String toString() {
    return dependent + " -> " + target() + " (" + dependency.declaredAt() + ")";
  }
}
