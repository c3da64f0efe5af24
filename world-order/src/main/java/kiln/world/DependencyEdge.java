package kiln.world;

import java.util.Objects;

/**
 * One edge of the world graph: a plan and one dependency it declares.
 *
 * @param dependent the plan that needs the dependency
 * @param dependency what it needs, and where it says so
 */
public record DependencyEdge(PackageIdent dependent, Dependency dependency) {

  public DependencyEdge {
    Objects.requireNonNull(dependent, "dependent");
    Objects.requireNonNull(dependency, "dependency");
  }

  /** The plan needed. */
  public PackageIdent target() {
    return dependency.ident();
  }

  /** {@code core/gcc -> core/binutils (gcc/plan.sh:12)}. */
  @Override
  public String toString() {
    return dependent + " -> " + target() + " (" + dependency.declaredAt() + ")";
  }
}
