package kiln.cli;

import java.util.List;
import java.util.concurrent.Callable;
import kiln.orchestrator.Interventions;
import kiln.resume.EntryKey;
import kiln.resume.StageName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kiln retry IDENT}: queues a failed or skipped plan and the plans it blocked. */
@Command(
    name = "retry",
    mixinStandardHelpOptions = true,
    versionProvider = KilnVersion.class,
    description =
        "Puts a failed, timed-out or skipped plan and the plans it blocked back in the queue.")
final class RetryCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "IDENT", description = "origin/name of the plan.")
  String ident;

  @Parameters(
      index = "1..*",
      paramLabel = "VAR=value",
      description = "Only the entry with these settings.")
  List<String> args;

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
    StageName s = LedgerEdit.stageOrWorld(stage);
    String entry = LedgerEdit.entry(ident, args);
    List<EntryKey> queued =
        LedgerEdit.apply(
            where.workDir(), spec.commandLine().getErr(), j -> Interventions.retry(j, s, entry));
    queued.forEach(k -> spec.commandLine().getOut().println("queued " + k));
    spec.commandLine()
        .getErr()
        .println(
            "kiln: "
                + queued.size()
                + " plan(s) of "
                + s
                + " queued; `kiln bootstrap` builds them");
    return 0;
  }
}
