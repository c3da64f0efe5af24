package kiln.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The plan paths and the cycle rule of the commands that order a world: world-order, estimate. */
final class PlanOrderOptions {

  @Parameters(paramLabel = "PATH", arity = "0..*", description = "plan.sh files or directories")
  List<String> paths = new ArrayList<>();

  @Option(
      names = "--allow-cycles",
      description = "Order the members of each cycle deterministically (with a warning).")
  boolean allowCycles;
}
