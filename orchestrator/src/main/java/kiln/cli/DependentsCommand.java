package kiln.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
      "Arguments that exist on disk are plan.sh files or directories to read, as world-order"
          + " takes them; the others are IDENTs. Reads plan.sh paths from stdin when no path is"
          + " given."
    })
final class DependentsCommand implements Callable<Integer> {

  @Parameters(
      paramLabel = "IDENT|PATH",
      arity = "1..*",
      description = "origin/name of a plan, or a plan.sh or directory to read (one that exists)")
  List<String> arguments = new ArrayList<>();

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
      description = "A plan.sh or a directory to read, as a plain argument does (repeatable).")
  List<String> paths = new ArrayList<>();

  @Mixin WorldOptions world;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    CommandLine cli = spec.commandLine();
    List<PackageIdent> roots = new ArrayList<>();
    List<String> planPaths = new ArrayList<>(paths);
    for (String argument : arguments) {
      if (Files.exists(Path.of(argument))) {
        planPaths.add(argument);
        continue;
      }
      try {
        roots.add(PackageIdent.parse(argument));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(
            cli, e.getMessage() + ", and no file or directory of that name exists", e);
      }
    }
    if (roots.isEmpty()) {
      throw new CommandLine.ParameterException(
          cli, "give an IDENT (origin/name): every argument names a file or directory to read");
    }
    World loaded = world.load(planPaths, cli);
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
