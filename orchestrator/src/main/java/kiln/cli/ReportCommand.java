package kiln.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import kiln.orchestrator.RunSession;
import kiln.orchestrator.report.LogTails;
import kiln.orchestrator.report.ReportFolder;
import kiln.orchestrator.status.RunStatus;
import kiln.world.IoFailures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kiln report}: the current run as a static HTML page, and as JUnit XML on request. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    versionProvider = KilnVersion.class,
    description =
        "Writes the current run as a static HTML report (counts, timeline, failures with their"
            + " log tails, skips, a table of every entry) into one folder, opened from the disk"
            + " with no server.")
final class ReportCommand implements Callable<Integer> {

  @Mixin WorkDirOptions where = new WorkDirOptions();

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where to write index.html (default: report/ in the work directory).")
  Path out;

  @Option(
      names = "--junit",
      paramLabel = "FILE",
      description = "Also write the run as JUnit XML, for CI systems: a test case per entry.")
  Path junit;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Path work = where.workDir();
    Optional<RunStatus> status = RunSession.peek(work, where.planTree());
    if (status.isEmpty()) {
      spec.commandLine()
          .getErr()
          .println("kiln: no run in " + work + " yet: kiln bootstrap starts one");
      return FailureHandler.FAILED;
    }
    Path folder = out != null ? out : work.resolve("report");
    Path page;
    try {
      page = ReportFolder.of(folder, Clock.systemUTC(), false).write(status.get());
      if (junit != null) {
        ReportFolder.writeJunit(status.get(), junit, LogTails.reading(ReportFolder.TAIL_LINES));
      }
    } catch (java.io.IOException e) {
      // said with what kiln was doing; the cause stays for --stacktrace
      throw new java.io.IOException(IoFailures.message("cannot write the report", e), e);
    }
    spec.commandLine().getOut().println(page.toAbsolutePath());
    if (junit != null) {
      spec.commandLine().getOut().println(junit.toAbsolutePath());
    }
    spec.commandLine().getOut().flush();
    return 0;
  }
}
