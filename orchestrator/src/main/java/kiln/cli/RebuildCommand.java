package kiln.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import kiln.orchestrator.Interventions;
import kiln.resume.EntryKey;
import kiln.resume.StageName;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kiln rebuild IDENT...}: queues built plans to be built again by the next bootstrap. */
@Command(
    name = "rebuild",
    mixinStandardHelpOptions = true,
    versionProvider = KilnVersion.class,
    description =
        "Queues plans to be built again by the next `kiln bootstrap`, built or not; what depends"
            + " on them is built again after them.")
final class RebuildCommand implements Callable<Integer> {

  @Parameters(
      arity = "1..*",
      paramLabel = "IDENT",
      description =
          "origin/name of a plan (every entry of it), or origin/name followed by its VAR=value"
              + " settings (that entry).")
  List<String> idents;

  @Option(
      names = "--with-dependents",
      description = "Queue the plans that depend on them now too, so `kiln status` lists them.")
  boolean withDependents;

  @Option(
      names = "--stage",
      converter = StageConverter.class,
      paramLabel = "STAGE",
      description = "The stage (default: stage3, the world).")
  StageName stage;

  @Mixin WorkDirOptions where = new WorkDirOptions();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    StageName s = stage == null ? StageName.STAGE3 : stage;
    List<String> entries = entries();
    PrintWriter err = spec.commandLine().getErr();
    List<EntryKey> queued =
        LedgerEditCommand.edit(
            where, err, journal -> Interventions.rebuild(journal, s, entries, withDependents));
    queued.forEach(k -> spec.commandLine().getOut().println("queued " + k));
    err.println(
        "kiln: " + queued.size() + " plan(s) of " + s + " queued; `kiln bootstrap` builds them");
    return 0;
  }

  /** The arguments as entries: a VAR=value belongs to the ident before it. */
  private List<String> entries() {
    List<String> entries = new ArrayList<>();
    for (String arg : idents) {
      if (arg.contains("=")) {
        if (entries.isEmpty()) {
          throw new CommandLine.ParameterException(
              spec.commandLine(), arg + ": a VAR=value setting follows the plan it is for");
        }
        entries.set(entries.size() - 1, entries.get(entries.size() - 1) + " " + arg);
      } else {
        entries.add(arg);
      }
    }
    return entries;
  }
}
