package kiln.world;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Plans that depend on each other in a cycle (one strongly connected component), told so a
 * maintainer can break it.
 *
 * @param members the plans of the cycle, sorted
 * @param loop one concrete loop through the smallest member, {@code a -> b -> ... -> a}, each edge
 *     with the line that declares it
 * @param blocked the plans outside the cycle that depend on it, sorted
 * @param breaker the dependency whose removal leaves the fewest plans in a cycle
 * @param leftInCycle how many plans would still be in a cycle without {@code breaker}
 */
public record DependencyCycle(
    List<PackageIdent> members,
    List<DependencyEdge> loop,
    List<PackageIdent> blocked,
    DependencyEdge breaker,
    int leftInCycle) {

  /** Blocked plans named in a report; the rest are counted, with the command that lists them. */
  static final int SHOWN = 50;

  public DependencyCycle {
    members = List.copyOf(members);
    loop = List.copyOf(loop);
    blocked = List.copyOf(blocked);
    if (members.size() < 2 || loop.isEmpty()) {
      throw new IllegalArgumentException("a cycle needs two members and a loop: " + members);
    }
  }

  /** A report of several lines: members, the loop edge by edge, what it blocks, how to break. */
  public String describe() {
    StringBuilder out = new StringBuilder();
    out.append("dependency cycle of ")
        .append(members.size())
        .append(" plans: ")
        .append(members.stream().map(PackageIdent::toString).collect(Collectors.joining(" ")))
        .append('\n');
    out.append("  loop: ").append(loop.get(0).dependent());
    loop.forEach(e -> out.append(" -> ").append(e.target()));
    out.append('\n');
    for (DependencyEdge e : loop) {
      out.append("    ")
          .append(e.dependent())
          .append(" needs ")
          .append(e.target())
          .append(" (")
          .append(e.dependency().kind().setting())
          .append(", ")
          .append(e.dependency().declaredAt())
          .append(")\n");
    }
    out.append("  blocks ")
        .append(blocked.size())
        .append(" plan")
        .append(blocked.size() == 1 ? "" : "s");
    if (!blocked.isEmpty()) {
      out.append(": ")
          .append(
              blocked.stream()
                  .limit(SHOWN)
                  .map(PackageIdent::toString)
                  .collect(Collectors.joining(" ")));
      if (blocked.size() > SHOWN) {
        out.append(" ... (")
            .append(blocked.size() - SHOWN)
            .append(" more; all of them: kiln dependents ")
            .append(members.get(0))
            .append(", with the same plans on stdin or as -p PATH)");
      }
    }
    out.append('\n');
    out.append("  to break it: ");
    if (breaker != null) {
      out.append("drop ")
          .append(breaker.target())
          .append(" from ")
          .append(breaker.dependency().kind().setting())
          .append(" of ")
          .append(breaker.dependent())
          .append(" (")
          .append(breaker.dependency().declaredAt())
          .append(
              leftInCycle == 0
                  ? "), which ends the cycle"
                  : "), which leaves " + leftInCycle + " plans in a cycle")
          .append(";\n    or, ");
    }
    out.append(
        "if these are bootstrap plans, list them in a base-plans file and pass"
            + " --base-plans FILE --without-base (earlier stages build them)");
    return out.toString();
  }
}
