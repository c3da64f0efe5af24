package kiln.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import kiln.world.DependencyEdge;
import kiln.world.Dependents;
import kiln.world.PackageIdent;
import kiln.world.Plan;
import kiln.world.World;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kiln dependents}: what depends on some plans, in build order. */
@Command(
    name = "dependents",
    mixinStandardHelpOptions = true,
    description = {
      "Prints every plan that depends on any IDENT (transitively unless --direct), in build"
          + " order, as 'origin/name path' lines.",
      "Reads plan.sh paths from stdin when no --path is given."
    })
final class DependentsCommand implements Callable<Integer> {

  @Parameters(paramLabel = "IDENT", arity = "1..*", description = "origin/name of a plan")
  List<String> idents = new ArrayList<>();

  @Option(names = "--direct", description = "Only plans that depend on an IDENT directly.")
  boolean direct;

  @Option(names = "--explain", description = "Add one dependency chain back to an IDENT per plan.")
  boolean explain;

  // dependents always orders the members of a cycle (as world-order --allow-cycles does): the
  // option is accepted so a world-order command line works here with its options unchanged.
  @Option(
      names = "--allow-cycles",
      description = "Accepted for symmetry with world-order: cycles never stop dependents.")
  boolean allowCycles;

  @Option(
      names = {"-p", "--path"},
      paramLabel = "PATH",
      description = "A plan.sh or a directory to search (repeatable; default: stdin lines).")
  List<String> paths = new ArrayList<>();

  @Mixin WorldOptions world;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    CommandLine cli = spec.commandLine();
    List<PackageIdent> roots = new ArrayList<>();
    for (String ident : idents) {
      try {
        roots.add(PackageIdent.parse(ident));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(cli, e.getMessage());
      }
    }
    World loaded = world.load(paths, cli);
    Dependents found = loaded.dependents(roots, direct);
    PrintWriter out = cli.getOut();
    for (Plan plan : found.plans()) {
      out.println(plan.line());
      if (explain) {
        for (DependencyEdge e : found.chain(plan.ident())) {
          out.println("  " + e);
        }
      }
    }
    out.flush();
    world.summary(loaded, found.plans().size(), cli);
    return 0;
  }
}
