package kiln.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import kiln.world.DependencyCycleException;
import kiln.world.Plan;
import kiln.world.World;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code kiln world-order}: every plan of the world in build order. */
@Command(
    name = "world-order",
    mixinStandardHelpOptions = true,
    description = {
      "Prints 'origin/name path' lines in build order: every plan after its dependencies.",
      "Reads plan.sh paths from stdin (one a line) when no PATH is given.",
      "Exit codes: 0 ordered, 1 failed, 2 usage, 3 dependency cycles (reported on stderr)."
    })
final class WorldOrderCommand implements Callable<Integer> {

  static final int CYCLES = 3;

  @Mixin PlanOrderOptions plans = new PlanOrderOptions();

  @Mixin WorldOptions world;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    CommandLine cli = spec.commandLine();
    World loaded = world.load(plans.paths, cli);
    PrintWriter out = cli.getOut();
    PrintWriter err = cli.getErr();
    List<Plan> order;
    try {
      order = loaded.order(plans.allowCycles);
    } catch (DependencyCycleException e) {
      err.println("kiln: " + e.getMessage());
      err.println("kiln: " + loaded.summary(0));
      return CYCLES;
    }
    if (plans.allowCycles) {
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
    err.println("kiln: " + loaded.summary(order.size()));
    return 0;
  }
}
