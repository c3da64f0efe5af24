package kiln.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
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
      "Exit codes: 0 ordered, 1 failed, 2 usage, 3 dependency cycles (reported on stderr;"
          + " the plans no cycle holds up are still printed in order)."
    })
final class WorldOrderCommand implements Callable<Integer> {

  @Mixin PlanOrderOptions plans = new PlanOrderOptions();

  @Mixin WorldOptions world;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    CommandLine cli = spec.commandLine();
    World loaded = world.load(plans.paths, cli);
    PrintWriter out = cli.getOut();
    return OrderedOutput.print(
        loaded, plans.allowCycles, order -> order, p -> out.println(p.line()), world, cli);
  }
}
