package kiln.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import kiln.orchestrator.BootstrapRequest;
import kiln.orchestrator.LiveProgress;
import kiln.orchestrator.Pipeline;
import kiln.orchestrator.PipelineParts;
import kiln.orchestrator.PipelineResult;
import kiln.orchestrator.PlainProgress;
import kiln.orchestrator.Progress;
import kiln.orchestrator.SchedulerOptions;
import kiln.orchestrator.StageException;
import kiln.orchestrator.config.ConfigLoader;
import kiln.orchestrator.config.KilnConfig;
import kiln.resume.RunJournal;
import kiln.resume.StageName;
import kiln.resume.WorkDirLock;
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

  @Spec CommandSpec spec;

  private final PartsFactory parts;

  BootstrapCommand() {
    this(ProductionParts::forConfig);
  }

  BootstrapCommand(PartsFactory parts) {
    this.parts = parts;
  }

  @Override
  public Integer call() throws Exception {
    BootstrapRequest request;
    KilnConfig kiln =
        ConfigLoader.load(
            WorkDirOptions.configFile(config, "--config FILE with your distribution's kiln.yaml"));
    try {
      request =
          new BootstrapRequest(
              BootstrapRequest.select(
                  Optional.ofNullable(from), Optional.ofNullable(only), setOf(skip)),
              setOf(force),
              new SchedulerOptions(
                  jobs != null ? jobs : kiln.jobs(), failFast, Optional.ofNullable(stopBefore)),
              newRun);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter err = spec.commandLine().getErr();
    PipelineParts stageParts = parts.create(kiln);
    try (WorkDirLock lock = WorkDirLock.acquire(kiln.work());
        RunJournal journal = open(lock)) {
      lock.previousHolder()
          .filter(pid -> pid != ProcessHandle.current().pid())
          .ifPresent(
              pid ->
                  err.println(
                      "kiln: note: took over the lock left by kiln pid "
                          + pid
                          + ", which is gone"));
      if (!journal.recovery().clean()) {
        err.println("kiln: note: " + journal.recovery().describe(journal.file()));
      }
      err.println("kiln: run " + journal.runId() + " (ledger " + journal.file() + ")");
      Progress progress = progress(err);
      PipelineResult result;
      try {
        result = runInterruptibly(new Pipeline(kiln, stageParts, journal, progress), request);
      } catch (InterruptedException e) {
        throw new StageException(
            "stopped; the builds that were running are redone by the next `kiln bootstrap`", e);
      } finally {
        if (progress instanceof LiveProgress live) {
          live.close();
        }
      }
      result.stopped().ifPresent(why -> err.println("kiln: " + why));
      return result.succeeded() ? 0 : FailureHandler.FAILED;
    }
  }

  private RunJournal open(WorkDirLock lock) throws Exception {
    if (newRun && runId != null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "give --new-run or --run, not both");
    }
    if (newRun) {
      return RunJournal.startNew(lock, Clock.systemUTC());
    }
    return runId != null
        ? RunJournal.resume(lock, Clock.systemUTC(), runId)
        : RunJournal.resume(lock, Clock.systemUTC());
  }

  private static java.util.Set<StageName> setOf(List<StageName> stages) {
    return stages.isEmpty() ? EnumSet.noneOf(StageName.class) : EnumSet.copyOf(stages);
  }

  /**
   * Runs the pipeline so that Ctrl-C (SIGINT, SIGTERM) interrupts it and waits for the running
   * builds to remove their studios before the JVM exits. The builds in flight are redone next time.
   */
  private static PipelineResult runInterruptibly(Pipeline pipeline, BootstrapRequest request)
      throws Exception {
    Thread main = Thread.currentThread();
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              main.interrupt();
              try {
                finished.await();
              } catch (InterruptedException ignored) {
                // the JVM is going down anyway
              }
            },
            "kiln-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return pipeline.run(request);
    } finally {
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it returns now that the pipeline finished
      }
    }
  }

  private static Progress progress(PrintWriter err) {
    boolean terminal =
        Terminal.isTerminal(Terminal.STDERR) && !"dumb".equals(System.getenv("TERM"));
    return terminal ? new LiveProgress(err, Clock.systemUTC()) : new PlainProgress(err);
  }
}
