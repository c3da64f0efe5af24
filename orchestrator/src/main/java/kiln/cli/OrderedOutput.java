package kiln.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import kiln.world.DependencyCycleException;
import kiln.world.Plan;
import kiln.world.World;
import picocli.CommandLine;

/**
 * Prints some plans of a world in build order, with world-order's rule for cycles: without {@code
 * --allow-cycles} a cycle is reported, the plans it does not hold up are still printed, and the
 * exit code is {@link #CYCLES}.
 */
final class OrderedOutput {

  static final int CYCLES = 3;

  private OrderedOutput() {}

  /**
   * Prints the plans {@code keep} picks from the world's order, one {@code print} each.
   *
   * @return 0, or {@link #CYCLES} when cycles left plans out
   */
  static int print(
      World loaded,
      boolean allowCycles,
      UnaryOperator<List<Plan>> keep,
      Consumer<Plan> print,
      WorldOptions world,
      CommandLine cli)
      throws DependencyCycleException {
    PrintWriter out = cli.getOut();
    PrintWriter err = cli.getErr();
    List<Plan> order;
    try {
      order = keep.apply(loaded.order(allowCycles));
    } catch (DependencyCycleException e) {
      // A cycle holds up its members and what depends on them, not the whole world.
      List<Plan> rest = keep.apply(loaded.orderLeavingOut(e.cycles()));
      rest.forEach(print);
      out.flush();
      err.println("kiln: " + e.getMessage());
      int all = keep.apply(loaded.order(true)).size();
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
    order.forEach(print);
    out.flush();
    world.summary(loaded, order.size(), cli);
    return 0;
  }
}
