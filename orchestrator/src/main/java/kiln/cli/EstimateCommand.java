package kiln.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import kiln.orchestrator.WorldEstimate;
import kiln.orchestrator.history.BuildHistory;
import kiln.orchestrator.history.DurationsFile;
import kiln.resume.StageName;
import kiln.world.DependencyCycleException;
import kiln.world.Plan;
import kiln.world.World;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kiln estimate}: how long the world's rebuild should take on N builders. */
@Command(
    name = "estimate",
    mixinStandardHelpOptions = true,
    versionProvider = KilnVersion.class,
    description = {
      "Predicts how long rebuilding a world takes on N builders: simulates the run with kiln's own"
          + " scheduler on a simulated clock (no builds, no threads), each build as long as its"
          + " estimate.",
      "Plans are read as world-order reads them (plan.sh paths on stdin, one a line, when no PATH"
          + " is given). Durations come from --durations FILE ('origin/name seconds' lines) or"
          + " else from the build history in the ledgers of the work directory of --config or"
          + " --work: each plan's own successful builds, recent ones weighing more; a plan never"
          + " built takes the median of its stage.",
      "Prints the predicted makespan, the lower bound max(critical path, total work / N), the"
          + " critical path and each builder's utilisation.",
      "Exit codes: 0 estimated, 1 failed, 2 usage, 3 dependency cycles (reported on stderr)."
    })
final class EstimateCommand implements Callable<Integer> {

  @Mixin PlanOrderOptions plans = new PlanOrderOptions();

  @Mixin WorldOptions world;

  @Mixin WorkDirOptions history = new WorkDirOptions();

  @Option(
      names = "--durations",
      paramLabel = "FILE",
      description = "'origin/name seconds' lines; default: the work directory's build history.")
  Path durations;

  @Option(
      names = "--builders",
      paramLabel = "N",
      description = "How many builders build at once (default: as many as --speeds names, or 1).")
  Integer builders;

  @Option(
      names = "--speeds",
      paramLabel = "S",
      split = ",",
      splitSynopsisLabel = ",",
      description =
          "Each builder's speed factor (a build of d seconds takes d / speed): 1,1,0.5 is two"
              + " builders of the reference speed and one half as fast.")
  List<Double> speeds = new ArrayList<>();

  @Option(
      names = "--policy",
      paramLabel = "P",
      defaultValue = "time",
      description =
          "time: longest estimated remaining path first (kiln with history); count: longest"
              + " chain of builds first (kiln without). Default: ${DEFAULT-VALUE}.")
  String policy;

  @Option(
      names = "--json",
      description =
          "Print the estimate as JSON: makespan_s, lower_bound_s, critical_path ({ident, seconds}"
              + " in build order), policy, builders, utilisation, estimates (how many per basis).")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    CommandLine cli = spec.commandLine();
    WorldEstimate.Policy chosen = policy(cli);
    List<Double> builderSpeeds = builderSpeeds(cli);
    BuildHistory known = durations(cli);
    World loaded = world.load(plans.paths, cli);
    List<Plan> order;
    try {
      order = loaded.order(plans.allowCycles);
    } catch (DependencyCycleException e) {
      cli.getErr().println("kiln: " + e.getMessage());
      return OrderedOutput.CYCLES;
    }
    cli.getErr().println("kiln: " + loaded.readSummary());
    WorldEstimate.Result result;
    try {
      result = WorldEstimate.estimate(order, known, builderSpeeds, chosen);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cli, e.getMessage(), e);
    }
    PrintWriter out = cli.getOut();
    out.print(json ? EstimateReport.json(result) : EstimateReport.text(result));
    out.flush();
    return 0;
  }

  private WorldEstimate.Policy policy(CommandLine cli) {
    return switch (policy) {
      case "time" -> WorldEstimate.Policy.TIME;
      case "count" -> WorldEstimate.Policy.COUNT;
      default ->
          throw new CommandLine.ParameterException(
              cli, "unknown --policy '" + policy + "' (time or count)");
    };
  }

  private List<Double> builderSpeeds(CommandLine cli) {
    if (builders != null && builders < 1) {
      throw new CommandLine.ParameterException(cli, "--builders is 1 or more, not " + builders);
    }
    for (double s : speeds) {
      if (!(s > 0) || Double.isInfinite(s)) {
        throw new CommandLine.ParameterException(cli, "a --speeds factor is above 0, not " + s);
      }
    }
    if (speeds.isEmpty()) {
      return Collections.nCopies(builders != null ? builders : 1, 1.0);
    }
    if (builders != null && builders != speeds.size()) {
      throw new CommandLine.ParameterException(
          cli,
          "--builders "
              + builders
              + " but --speeds names "
              + speeds.size()
              + ": give one speed per builder");
    }
    return List.copyOf(speeds);
  }

  private BuildHistory durations(CommandLine cli) throws Exception {
    if (durations == null) {
      return BuildHistory.read(history.workDir());
    }
    try {
      return BuildHistory.ofSeconds(StageName.STAGE3, DurationsFile.read(durations));
    } catch (IOException e) {
      throw new CommandLine.ParameterException(
          cli, "cannot use --durations " + durations + ": " + e.getMessage(), e);
    }
  }
}
