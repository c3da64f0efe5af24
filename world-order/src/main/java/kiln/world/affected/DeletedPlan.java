package kiln.world.affected;

import java.nio.file.Path;
import java.util.Objects;
import kiln.world.PackageIdent;

/**
 * A plan the change removed.
 *
 * @param planFile its plan.sh, absolute
 * @param ident who it was, or null when that could not be told
 * @param how how its ident was found, or why it was not
 */
public record DeletedPlan(Path planFile, PackageIdent ident, String how) {

  public DeletedPlan {
    Objects.requireNonNull(planFile, "planFile");
    Objects.requireNonNull(how, "how");
  }
}
