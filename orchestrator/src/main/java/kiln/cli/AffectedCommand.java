package kiln.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import kiln.world.EvalContext;
import kiln.world.World;
import kiln.world.affected.Affected;
import kiln.world.affected.AffectedPlans;
import kiln.world.affected.Change;
import kiln.world.affected.ChangeSource;
import kiln.world.affected.DeletedPlan;
import kiln.world.affected.GitChanges;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kiln affected}: the plans a change touches and every plan that depends on them. */
@Command(
    name = "affected",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the plans whose inputs the changed files are (files in a plan's folder, files it"
          + " sources, files it names by their path from its folder, such as a shared patch) and"
          + " every plan that depends on them, in build order, as 'origin/name path' lines.",
      "The changed files: FILEs, or --since REV for what git sees changed between REV and the"
          + " working tree (deleted and untracked files included). The plans: --path, or plan.sh"
          + " paths on stdin, as world-order takes them.",
      "Exit codes: 0 done (nothing printed: nothing affected), 1 failed, 2 usage, 3 dependency"
          + " cycles (the affected plans no cycle holds up are still printed)."
    })
final class AffectedCommand implements Callable<Integer> {

  @Parameters(paramLabel = "FILE", arity = "0..*", description = "changed files (not with --since)")
  List<Path> files = new ArrayList<>();

  @Option(
      names = "--since",
      paramLabel = "GIT_REV",
      description = "The files git sees changed between this revision and the working tree.")
  String since;

  @Option(
      names = "--repo",
      paramLabel = "DIR",
      defaultValue = ".",
      description = "Where git runs for --since (default: the working directory).")
  Path repo;

  @Option(
      names = {"-p", "--path"},
      paramLabel = "PATH",
      description = "A plan.sh or a directory of plans to read (repeatable); else stdin.")
  List<String> paths = new ArrayList<>();

  @Option(
      names = "--allow-cycles",
      description = "Order the members of each cycle deterministically (with a warning).")
  boolean allowCycles;

  @Option(
      names = "--explain",
      description = "Add why under each plan: the file, or the plan it needs.")
  boolean explain;

  @Mixin WorldOptions world;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    CommandLine cli = spec.commandLine();
    if ((since == null) == files.isEmpty()) {
      throw new CommandLine.ParameterException(
          cli, "give the changed FILEs or --since GIT_REV (one of the two)");
    }
    if (world.eval) {
      throw new CommandLine.ParameterException(
          cli, "--eval is not for affected: the files a plan sources are known to the reader only");
    }
    ChangeSource changes =
        since == null ? ChangeSource.files(files) : GitChanges.since(repo, since);
    World loaded = world.load(paths, cli);
    AffectedPlans found = Affected.find(loaded, changes, EvalContext.stage1());
    report(found, cli.getErr());
    PrintWriter out = cli.getOut();
    return OrderedOutput.print(
        loaded,
        allowCycles,
        found::in,
        p -> {
          out.println(p.line());
          if (explain) {
            out.println("  " + found.why(p.ident()));
          }
        },
        world,
        cli);
  }

  private void report(AffectedPlans found, PrintWriter err) {
    if (world.quiet) {
      return;
    }
    Path here = Path.of("").toAbsolutePath();
    for (DeletedPlan gone : found.deleted()) {
      err.println(
          "kiln: deleted plan: "
              + here.relativize(gone.planFile())
              + (gone.ident() == null
                  ? ", its dependents cannot be told: " + gone.how()
                  : " was " + gone.ident() + " (" + gone.how() + "); its dependents are affected"));
    }
    for (Change change : found.touchingNothing()) {
      err.println("kiln: " + here.relativize(change.file()) + ": the input of no plan");
    }
    err.println(
        "kiln: "
            + found.changes().size()
            + " changed file(s), "
            + found.why().size()
            + " plan(s) affected");
  }
}
