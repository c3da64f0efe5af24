package kiln.world.affected;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import kiln.world.PackageIdent;
import kiln.world.Plan;

/**
 * What a change affects.
 *
 * @param changes every changed file
 * @param touchingNothing the changed files that are no plan's input (a README, a CI script)
 * @param deleted the plans the change removed
 * @param why every affected plan, with why: the file that touches it, or the plan it depends on
 */
public record AffectedPlans(
    List<Change> changes,
    List<Change> touchingNothing,
    List<DeletedPlan> deleted,
    Map<PackageIdent, String> why) {

  public AffectedPlans {
    changes = List.copyOf(changes);
    touchingNothing = List.copyOf(touchingNothing);
    deleted = List.copyOf(deleted);
    why = Map.copyOf(why);
  }

  /** The affected plans of a build order, in that order. */
  public List<Plan> in(List<Plan> order) {
    return order.stream().filter(p -> why.containsKey(p.ident())).toList();
  }

  /** Why this plan is affected, or null when it is not. */
  public String why(PackageIdent ident) {
    return why.get(Objects.requireNonNull(ident, "ident"));
  }
}
