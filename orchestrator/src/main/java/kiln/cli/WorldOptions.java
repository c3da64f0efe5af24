package kiln.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import kiln.world.BashPlanSource;
import kiln.world.EvalContext;
import kiln.world.PlanSource;
import kiln.world.World;
import kiln.world.WorldRequest;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options saying which world to load, shared by world-order and dependents. */
final class WorldOptions {

  @Option(
      names = "--target",
      defaultValue = EvalContext.DEFAULT_TARGET,
      description = "Pick the plans of this target (default: ${DEFAULT-VALUE}).")
  String target;

  @Option(
      names = "--origin",
      paramLabel = "O",
      description = "Keep only plans of this origin (repeatable).")
  List<String> origins = new ArrayList<>();

  @Option(
      names = "--base-plans",
      paramLabel = "FILE",
      description =
          "A base-plans list (core-plans' base-plans.txt, found in a checkout of any name); an"
              + " entry with no plan in this tree is a warning naming its line.")
  Path basePlans;

  @Option(
      names = "--without-base",
      description = "Leave the base plans out; dependencies on them count as built.")
  boolean withoutBase;

  @Option(
      names = "--eval",
      description = "Source plans with bash (one process, no network) for exact answers.")
  boolean eval;

  @Option(
      names = "--strict",
      description = "Fail when a plan is unreadable or a base-plans entry has no plan here.")
  boolean strict;

  @Option(
      names = "--verbose",
      description = "Name every plan that needs a missing dependency (by default: how many).")
  boolean verbose;

  @Option(
      names = {"-q", "--quiet"},
      description =
          "For scripts: print no warnings, unreadable plans or summary on stderr, only errors.")
  boolean quiet;

  /** Loads the world, printing warnings and reading stdin when no path was given. */
  World load(List<String> paths, CommandLine cli) throws Exception {
    if (withoutBase && basePlans == null) {
      throw new CommandLine.ParameterException(cli, "--without-base needs --base-plans FILE");
    }
    if (!kiln.world.PlanDiscovery.TARGETS.contains(target)) {
      throw new CommandLine.ParameterException(
          cli,
          "unknown --target '"
              + target
              + "' (one of "
              + String.join(", ", kiln.world.PlanDiscovery.TARGETS)
              + ")");
    }
    for (String origin : origins) {
      if (!kiln.world.PackageIdent.isValidName(origin)) {
        throw new CommandLine.ParameterException(
            cli, "invalid --origin '" + origin + "' (letters, digits, '-' and '_' only)");
      }
    }
    if (paths.isEmpty() && System.console() != null) {
      throw new CommandLine.ParameterException(
          cli,
          "give PATHs, or plan.sh paths on stdin: find . -name plan.sh | kiln "
              + cli.getCommandName());
    }
    List<String> given = paths.isEmpty() ? stdinLines() : paths;
    EvalContext context = EvalContext.stage1();
    String habOrigin = System.getenv("HAB_ORIGIN");
    if (habOrigin != null && !habOrigin.isEmpty()) {
      context = context.with("HAB_ORIGIN", habOrigin);
    }
    PlanSource source = eval ? new BashPlanSource(cli.getErr()::println) : PlanSource.statically();
    WorldRequest request =
        new WorldRequest(
            given, target, Set.copyOf(origins), context, source, strict, basePlans, withoutBase);
    World world = World.load(request);
    PrintWriter err = cli.getErr();
    if (!quiet) {
      world.unreadable().forEach(d -> err.println("kiln: " + d.leftOut()));
      world.warnings(verbose).forEach(w -> err.println("kiln: warning: " + w));
    }
    return world;
  }

  /** Prints the summary line unless {@code --quiet}. */
  void summary(World world, int printed, CommandLine cli) {
    if (!quiet) {
      cli.getErr().println("kiln: " + world.summary(printed));
    }
  }

  private static List<String> stdinLines() throws IOException {
    List<String> lines = new ArrayList<>();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (!line.isBlank()) {
        lines.add(line.strip());
      }
    }
    return lines;
  }
}
