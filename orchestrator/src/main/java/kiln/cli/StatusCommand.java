package kiln.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import kiln.orchestrator.StatusReport;
import kiln.resume.RunJournal;
import kiln.resume.RunState;
import kiln.resume.WorkDirLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kiln status}: where the current run stands, from its ledger. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    versionProvider = KilnVersion.class,
    description =
        "Shows per stage what is built, failed, skipped, timed out, pending and building.")
final class StatusCommand implements Callable<Integer> {

  @Mixin WorkDirOptions where = new WorkDirOptions();

  @Option(names = "--json", description = "Print the status as JSON (a stable shape).")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Path work = where.workDir();
    Optional<RunState> run = RunJournal.read(work);
    if (run.isEmpty()) {
      if (json) {
        spec.commandLine().getOut().println("{\"stages\":[]}");
      } else {
        spec.commandLine()
            .getErr()
            .println("kiln: no run in " + work + " yet: kiln bootstrap starts one");
      }
      return 0;
    }
    Path ledger = RunJournal.ledgerDir(work).resolve(run.get().runId() + ".jsonl");
    StatusReport report = new StatusReport(run.get(), ledger, WorkDirLock.liveHolderOf(work));
    spec.commandLine().getOut().print(json ? report.json() : report.text());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
