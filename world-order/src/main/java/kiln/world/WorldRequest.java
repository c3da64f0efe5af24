package kiln.world;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What world to load and how.
 *
 * @param paths plan.sh files or directories to search, as given
 * @param target the target to pick plans for (see {@link PlanDiscovery#TARGETS})
 * @param origins the origins to keep; empty keeps all
 * @param context the variables plans are read with
 * @param source how plans are read (statically, or with bash for {@code --eval})
 * @param strict fail when a plan is unreadable instead of leaving it out
 * @param basePlans a base-plans file, or null
 * @param withoutBase leave the base plans out, counting dependencies on them as met
 */
public record WorldRequest(
    List<String> paths,
    String target,
    Set<String> origins,
    EvalContext context,
    PlanSource source,
    boolean strict,
    Path basePlans,
    boolean withoutBase) {

  public WorldRequest {
    paths = List.copyOf(paths);
    origins = Set.copyOf(origins);
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(source, "source");
    if (withoutBase && basePlans == null) {
      throw new IllegalArgumentException("--without-base needs --base-plans FILE");
    }
    if (!PlanDiscovery.TARGETS.contains(target)) {
      throw new IllegalArgumentException(
          "unknown target '"
              + target
              + "' (one of "
              + String.join(", ", PlanDiscovery.TARGETS)
              + ")");
    }
    for (String origin : origins) {
      if (!PackageIdent.isValidName(origin)) {
        throw new IllegalArgumentException("invalid origin '" + origin + "'");
      }
    }
  }
}
