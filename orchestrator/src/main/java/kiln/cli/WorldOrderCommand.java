package kiln.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import kiln.world.DependencyCycleException;
import kiln.world.Plan;
import kiln.world.World;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kiln world-order}: every plan of the world in build order. */
@Command(
    name = "world-order",
    mixinStandardHelpOptions = true,
    description = {
      "Prints 'origin/name path' lines in build order: every plan after its dependencies.",
      "Reads plan.sh paths from stdin (one a line) when no PATH is given.",
      "Exit codes: 0 ordered, 1 failed, 2 usage, 3 dependency cycles (reported on stderr;"
          + " the plans no cycle holds up are still printed in order)."
    })
final class WorldOrderCommand implements Callable<Integer> {

  static final int CYCLES = 3;

  @Parameters(paramLabel = "PATH", arity = "0..*", description = "plan.sh files or directories")
  List<String> paths = new ArrayList<>();

  @Option(
      names = "--allow-cycles",
      description = "Order the members of each cycle deterministically (with a warning).")
  boolean allowCycles;

  @Mixin WorldOptions world;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    CommandLine cli = spec.commandLine();
    World loaded = world.load(paths, cli);
    PrintWriter out = cli.getOut();
    PrintWriter err = cli.getErr();
    List<Plan> order;
    try {
      order = loaded.order(allowCycles);
    } catch (DependencyCycleException e) {
      // A cycle holds up its members and what depends on them, not the whole world.
      List<Plan> rest = loaded.orderLeavingOut(e.cycles());
      rest.forEach(p -> out.println(p.line()));
      out.flush();
      err.println("kiln: " + e.getMessage());
      int all = loaded.order(true).size();
      err.println(
          "kiln: left out of the order: "
              + (all - rest.size())
              + " plans in or blocked by the cycle"
              + (e.cycles().size() == 1 ? "" : "s")
              + " above (--allow-cycles orders them too); the "
              + rest.size()
              + " printed do not depend on them");
      world.summary(loaded, rest.size(), cli);
      return CYCLES;
    }
    if (allowCycles && !world.quiet) {
      loaded
          .graph()
          .cycles()
          .forEach(
              c ->
                  err.println(
                      "kiln: warning: ordered a cycle anyway (--allow-cycles): " + c.describe()));
    }
    order.forEach(p -> out.println(p.line()));
    out.flush();
    world.summary(loaded, order.size(), cli);
    return 0;
  }
}
