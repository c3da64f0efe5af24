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

/** {@code kiln skip IDENT}: sets a plan and its dependents aside until {@code kiln retry}. */
@Command(
    name = "skip",
    mixinStandardHelpOptions = true,
    versionProvider = KilnVersion.class,
    description = "Sets a plan and every plan that depends on it aside (reason: by the user).")
final class SkipCommand implements Callable<Integer> {

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
    List<EntryKey> aside =
        LedgerEdit.apply(
            where.workDir(), spec.commandLine().getErr(), j -> Interventions.skip(j, s, entry));
    for (int i = 0; i < aside.size(); i++) {
      spec.commandLine()
          .getOut()
          .println((i == 0 ? "skipped " : "skipped (depends on it) ") + aside.get(i));
    }
    spec.commandLine()
        .getErr()
        .println(
            "kiln: "
                + aside.size()
                + " plan(s) of "
                + s
                + " set aside; `kiln retry "
                + ident
                + "` undoes it");
    return 0;
  }
}
