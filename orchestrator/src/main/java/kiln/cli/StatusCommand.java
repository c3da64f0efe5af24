package kiln.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import kiln.orchestrator.RunSession;
import kiln.orchestrator.history.BuildHistory;
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
        "Shows per stage what is built, failed, skipped, timed out, pending and building."
            + " Exits 0, or 4 when entries failed, timed out or were skipped.")
final class StatusCommand implements Callable<Integer> {

  /**
   * The exit code when the run has failed, timed-out or skipped entries: the status was shown, and
   * work remains that a script must not take for done (docs/ledger.md).
   */
  static final int FAILURES_OR_SKIPS_REMAIN = 4;

  @Mixin WorkDirOptions where = new WorkDirOptions();

  @Option(names = "--json", description = "Print the status as JSON (a stable shape).")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Path work = where.workDir();
    Optional<RunStatus> status =
        RunSession.peek(
            work, where.planTree(), BuildHistory.read(work), where.jobs(), Clock.systemUTC());
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
    return status.get().hasFailuresOrSkips() ? FAILURES_OR_SKIPS_REMAIN : 0;
  }
}
