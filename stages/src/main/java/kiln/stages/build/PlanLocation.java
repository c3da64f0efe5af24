package kiln.stages.build;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds a plan dir's plan.sh the way Habitat does: a target's own plan first. */
final class PlanLocation {
  private PlanLocation() {}

  /** The plan.sh, relative to the plan dir. */
  static Path planFile(Path planDir, String target) throws BuildException {
    List<Path> candidates =
        List.of(
            Path.of(target, "plan.sh"),
            Path.of("habitat", target, "plan.sh"),
            Path.of("plan.sh"),
            Path.of("habitat", "plan.sh"));
    for (Path candidate : candidates) {
      if (Files.isRegularFile(planDir.resolve(candidate))) {
        return candidate;
      }
    }
    throw new BuildException(
        "no plan.sh in "
            + planDir
            + " (looked for plan.sh, habitat/plan.sh, "
            + target
            + "/plan.sh and habitat/"
            + target
            + "/plan.sh)");
  }
}
