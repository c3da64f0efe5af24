package kiln.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import kiln.orchestrator.BootstrapRequest;
import kiln.orchestrator.LiveProgress;
import kiln.orchestrator.Pipeline;
import kiln.orchestrator.PipelineParts;
import kiln.orchestrator.PipelineResult;
import kiln.orchestrator.PlainProgress;
import kiln.orchestrator.Progress;
import kiln.orchestrator.RunPreview;
import kiln.orchestrator.RunSession;
import kiln.orchestrator.SchedulerOptions;
import kiln.orchestrator.StageException;
import kiln.orchestrator.StagePublishing;
import kiln.orchestrator.config.ConfigLoader;
import kiln.orchestrator.config.KilnConfig;
import kiln.orchestrator.history.BuildHistory;
import kiln.orchestrator.progress.RunSummary;
import kiln.orchestrator.report.LiveReport;
import kiln.resume.RunJournal;
import kiln.resume.StageName;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kiln bootstrap}: stage0 to stage3, resuming the current run. */
@Command(
    name = "bootstrap",
    mixinStandardHelpOptions = true,
    versionProvider = KilnVersion.class,
    description =
        "Runs stage0 (tools tarball), stage1 and stage2 (base plans) and stage3 (the world),"
            + " resuming where the last run stopped.")
final class BootstrapCommand implements Callable<Integer> {

  /** Makes the stage parts for a config; tests give fakes, the CLI the real ones. */
  interface PartsFactory {
    PipelineParts create(KilnConfig config) throws StageException;
  }

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "The distribution's kiln.yaml (default: ./kiln.yaml).")
  Path config;

  @Option(
      names = "--from",
      paramLabel = "STAGE",
      converter = StageConverter.class,
      description = "Start at this stage.")
  StageName from;

  @Option(
      names = "--only",
      paramLabel = "STAGE",
      converter = StageConverter.class,
      description = "Run only this stage.")
  StageName only;

  @Option(
      names = "--skip",
      paramLabel = "STAGE",
      converter = StageConverter.class,
      description = "Leave this stage out (repeatable).")
  List<StageName> skip = List.of();

  @Option(
      names = "--force",
      paramLabel = "STAGE",
      converter = StageConverter.class,
      description = "Go on after this stage even if it has failures (repeatable).")
  List<StageName> force = List.of();

  @Option(
      names = {"-j", "--jobs"},
      paramLabel = "N",
      description =
          "Builds at once in stage3 (default: jobs in kiln.yaml). Stage1 and stage2 build one"
              + " plan at a time whatever -j says: the base list is an order, and a later entry"
              + " may rely on an earlier one without declaring it.")
  Integer jobs;

  @Option(
      names = "--fail-fast",
      description = "Stop at the first failure instead of building everything else.")
  boolean failFast;

  @Option(
      names = "--stop-before",
      paramLabel = "PLAN",
      description = "Stop when this plan (origin/name or name) is next.")
  String stopBefore;

  @Option(names = "--new-run", description = "Start a new run (a new ledger) instead of resuming.")
  boolean newRun;

  @Option(
      names = "--run",
      paramLabel = "RUN_ID",
      description = "Resume this earlier run (see `kiln status`) instead of the current one.")
  String runId;

  @Option(
      names = "--report",
      paramLabel = "DIR",
      description =
          "Keep an HTML report of the run in DIR/index.html, written again as builds start and"
              + " finish; a browser on it reloads it while the run goes on (`kiln report` writes"
              + " one after the run).")
  Path report;

  @Option(
      names = "--dry-run",
      description =
          "Print what the run would build, per stage in order, each with why (changed: plan.sh,"
              + " dependency rebuilt: demo/libgreet, never built, ...), and build nothing.")
  boolean dryRun;

  @Spec CommandSpec spec;

  /**
   * The progress display's and summary's clock: the system's, never the ledger's (a test's ledger
   * clock must not move on when the display looks at the time).
   */
  private static final Clock DISPLAY = Clock.systemUTC();

  private final PartsFactory parts;
  private final Clock clock;

  BootstrapCommand() {
    this(ProductionParts::forConfig, Clock.systemUTC());
  }

  BootstrapCommand(PartsFactory parts) {
    this(parts, Clock.systemUTC());
  }

  /**
   * @param clock the ledger's clock: when each record, and so each build attempt, was written
   */
  BootstrapCommand(PartsFactory parts, Clock clock) {
    this.parts = parts;
    this.clock = clock;
  }

  @Override
  public Integer call() throws Exception {
    if (jobs != null && (jobs < 1 || jobs > KilnConfig.MAX_JOBS)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "-j "
              + jobs
              + ": want a whole number from 1 to "
              + KilnConfig.MAX_JOBS
              + ", as jobs in kiln.yaml");
    }
    BootstrapRequest request;
    RunSession.Choice which;
    KilnConfig kiln =
        ConfigLoader.load(
            WorkDirOptions.configFile(config, "--config FILE with your distribution's kiln.yaml"));
    BuildHistory history = BuildHistory.read(kiln.work());
    try {
      request =
          new BootstrapRequest(
              BootstrapRequest.select(
                  Optional.ofNullable(from), Optional.ofNullable(only), setOf(skip)),
              setOf(force),
              new SchedulerOptions(
                  jobs != null ? jobs : kiln.jobs(),
                  failFast,
                  Optional.ofNullable(stopBefore),
                  history.weights()),
              newRun);
      which = new RunSession.Choice(newRun, Optional.ofNullable(runId));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    PrintWriter err = spec.commandLine().getErr();
    PipelineParts stageParts = parts.create(kiln);
    if (dryRun) {
      DryRunReport.print(
          new RunPreview(kiln, stageParts.inputs()).preview(request), spec.commandLine().getOut());
      return 0;
    }
    try (RunSession session =
            RunSession.open(kiln.work(), which, clock, note -> err.println("kiln: note: " + note));
        PipelineParts.EntryBuilders builders = stageParts.builders()) {
      RunJournal journal = session.journal();
      err.println("kiln: run " + journal.runId() + " (ledger " + journal.file() + ")");
      LiveReport live =
          report == null ? null : LiveReport.of(report, journal, w -> err.println("kiln: " + w));
      Instant began = DISPLAY.instant();
      PipelineResult result;
      try (PlainProgress shown = progress(err, history)) {
        Progress progress = live == null ? shown : shown.and(live);
        result =
            new Pipeline(
                    kiln, stageParts, journal, progress, StagePublishing.standard(kiln, progress))
                .run(request);
      } catch (InterruptedException e) {
        // Said here, while the session is open: once it closes, a JVM stopped by a signal may
        // exit before a later line is written.
        err.println(
            "kiln: stopped: the builds that finished are recorded; the ones that were running"
                + " are redone by the next `kiln bootstrap`");
        return FailureHandler.FAILED;
      } finally {
        if (live != null) {
          live.finish();
        }
      }
      err.print(RunSummary.of(journal.state(), Duration.between(began, DISPLAY.instant())).text());
      err.flush(); // print does not flush, and the process may end before anything else does
      result.stopped().ifPresent(why -> err.println("kiln: " + why));
      return result.succeeded() ? 0 : FailureHandler.FAILED;
    }
  }

  private static java.util.Set<StageName> setOf(List<StageName> stages) {
    return stages.isEmpty() ? EnumSet.noneOf(StageName.class) : EnumSet.copyOf(stages);
  }

  private static PlainProgress progress(PrintWriter err, BuildHistory history) {
    boolean terminal =
        Terminal.isTerminal(Terminal.STDERR) && !"dumb".equals(System.getenv("TERM"));
    return terminal
        ? new LiveProgress(err, DISPLAY, history).start()
        : new PlainProgress(err, DISPLAY, history).start(PlainProgress.TICK);
  }
}
