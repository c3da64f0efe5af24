package kiln.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import kiln.orchestrator.RunSession;
import kiln.orchestrator.status.JsonStatus;
import kiln.orchestrator.status.RunStatus;
import kiln.orchestrator.status.StatusRenderer;
import kiln.orchestrator.status.TextStatus;
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
    Optional<RunStatus> status = RunSession.peek(work);
    if (status.isEmpty()) {
      if (json) {
        spec.commandLine().getOut().print(JsonStatus.NO_RUN);
        spec.commandLine().getOut().flush();
      } else {
        spec.commandLine()
            .getErr()
            .println("kiln: no run in " + work + " yet: kiln bootstrap starts one");
      }
      return 0;
    }
    StatusRenderer renderer = json ? new JsonStatus() : new TextStatus();
    spec.commandLine().getOut().print(renderer.render(status.get()));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
