package kiln.orchestrator.status;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a plan the ledger names is still in the distribution's tree, so that {@code kiln status}
 * reports a plan deleted since the last run as gone rather than as it last stood.
 */
@FunctionalInterface
public interface PlanTree {

  /**
   * @param plan the plan's folder as the ledger records it (relative to kiln.yaml's folder)
   */
  boolean has(String plan);

  /** No tree to look at (status given only a work directory): every plan counts as present. */
  PlanTree UNKNOWN = plan -> true;

  /** The plans below kiln.yaml's folder: a plan is there while its {@code plan.sh} is. */
  static PlanTree under(Path folder) {
    return plan -> Files.isRegularFile(folder.resolve(plan).resolve("plan.sh"));
  }
}
