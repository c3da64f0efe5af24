package kiln.orchestrator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import kiln.orchestrator.inputs.EntryInputs;
import kiln.resume.Artifact;
import kiln.resume.BuildInputs;
import kiln.resume.EntryKey;
import kiln.resume.EntryStatus;
import kiln.resume.HostEvent;
import kiln.resume.JournalException;
import kiln.resume.RunJournal;
import kiln.resume.StageEntry;
import kiln.resume.StageName;
import kiln.resume.StageWork;
import kiln.resume.Transition;
import kiln.world.IoFailures;

/**
 * Builds one stage's entries through a {@link EntryBuilder}, recording every transition in the
 * ledger before acting on it.
 *
 * <p>An entry starts only when all its deps are built; among ready entries the one with the
 * heaviest chain of dependents goes first (base stages: list order, one at a time). When a build
 * fails or times out, every queued entry that depends on it is skipped with that reason and the
 * rest goes on ({@code --fail-fast}: no new builds start; the running ones finish). Resuming keeps
 * what is built, still verifies and was built from the same inputs (and on dependencies that are
 * kept), keeps what the user set aside, and queues everything else again: failures, time-outs,
 * skips, and builds cut off by a crash.
 */
public final class Scheduler {

  private final StageWork work;
  private final RunJournal journal;
  private final EntryBuilder builder;
  private final LogPaths logs;
  private final SchedulerOptions options;
  private final Progress progress;
  private final StageName stage;
  private final EntryInputs inputs;

  /** Artifacts built in this run of the stage: their records may still wait in the batch. */
  private final java.util.Map<EntryKey, Artifact> builtNow = new java.util.HashMap<>();

  public Scheduler(
      StageWork work,
      RunJournal journal,
      EntryBuilder builder,
      LogPaths logs,
      SchedulerOptions options,
      Progress progress) {
    this(work, journal, builder, logs, options, progress, EntryInputs.NONE);
  }

  /**
   * @param inputs what each entry is built from: recorded with its build, and compared on resume so
   *     that an entry whose inputs changed, and what depends on it, is built again
   */
  public Scheduler(
      StageWork work,
      RunJournal journal,
      EntryBuilder builder,
      LogPaths logs,
      SchedulerOptions options,
      Progress progress,
      EntryInputs inputs) {
    this.inputs = inputs;
    this.work = work;
    this.journal = journal;
    this.builder = builder;
    this.logs = logs;
    this.options = options;
    this.progress = progress;
    this.stage = work.stage();
  }

  /** What a worker hands back: the outcome and, for a build, the hashed artifact. */
  private record Finished(
      EntryKey key, Path log, BuildOutcome outcome, Artifact artifact, BuildInputs inputs) {}

  /**
   * Runs the stage until every entry is built or set aside, or a stop condition holds.
   *
   * @throws JournalException when the ledger cannot be written: kiln must not go on unrecorded
   * @throws BuilderException when the builder cannot work at all; running builds finish first
   * @throws InterruptedException when kiln is stopped; running builds are interrupted
   */
  public StageResult run() throws JournalException, BuilderException, InterruptedException {
    journal.recordStage(work);
    Board board = new Resumption(work, journal, progress, inputs).board(options.weights());
    int jobs = work.ordered() ? 1 : options.jobs();
    progress.stageStarted(work, board.statuses(), jobs);
    BuildPlaces places = builder.places(jobs, work.ordered());
    if (!places.hosts().isEmpty()) {
      progress.stageHosts(stage, places.hosts());
    }
    // threads come and go with builds: a build cut off on a lost host may hold its thread a while
    ExecutorService pool = Executors.newCachedThreadPool(threads());
    CompletionService<Finished> done = new ExecutorCompletionService<>(pool);
    PlacedBuilds placed = new PlacedBuilds();
    Optional<EntryKey> stoppedBefore = Optional.empty();
    boolean stopping = false;
    boolean early = false;
    BuilderException broken = null;
    int running = 0;
    Batch batch = new Batch();
    try {
      while (true) {
        hostEvents(board, places, placed, batch);
        while (!stopping && board.hasReady()) {
          if (isStopPoint(board.peekReady())) {
            stoppedBefore = Optional.of(board.peekReady());
            stopping = true;
            break;
          }
          Optional<String> host = places.claim();
          if (host.isEmpty()) {
            break;
          }
          start(board, done, batch, placed, host.get(), places.ledgerName(host.get()));
          running++;
        }
        batch.commit(); // what finished and what starts now: one write, one flush
        if (running == 0) {
          Optional<String> none = places.noneUsable();
          if (!stopping && board.hasReady() && none.isPresent()) {
            throw new BuilderException(stage + ": " + none.get());
          }
          if (stopping || !board.hasReady()) {
            break;
          }
        }
        Future<Finished> next;
        try {
          next = done.poll(1, TimeUnit.SECONDS); // a turn a second: hosts lost meanwhile
        } catch (InterruptedException stop) {
          recordWhatFinished(pool, done, board, batch);
          throw stop;
        }
        while (next != null) {
          running--;
          PlacedBuilds.Run run = placed.ended(next);
          if (run.cutOff) {
            places.cutOff(run.host);
          } else {
            try {
              Finished finished = next.get();
              boolean lost = places.release(run.host, Optional.of(finished.outcome()), run.took());
              if (lost && !(finished.outcome() instanceof BuildOutcome.Built)) {
                requeue(board, batch, run, "build host " + run.host + " was lost under it");
              } else if (finish(board, finished, batch, placed, run.host) && options.failFast()) {
                stopping = true;
                early = true;
              }
            } catch (ExecutionException e) {
              if (places.ledgerName(run.host) != null
                  && places.release(run.host, Optional.empty(), run.took())) {
                // the builder never got to write why: the log is where the lost note sends users
                appendToLog(
                    run.log,
                    "build host "
                        + run.host
                        + " could not run this build: "
                        + IoFailures.describe(e.getCause()));
                requeue(board, batch, run, "build host " + run.host + " could not build it");
              } else {
                stopping = true;
                broken = asBuilderException(e.getCause(), broken);
              }
            }
          }
          next = done.poll();
        }
      }
    } finally {
      stop(pool);
    }
    if (broken != null) {
      throw broken;
    }
    StageResult result =
        new StageResult(stage, board.counts(), board.failures(), stoppedBefore, early);
    progress.stageFinished(result);
    return result;
  }

  /**
   * Hosts' changes since the last turn are recorded and told. Hosts lost: their running builds are
   * cut off and queued again, no verdict on their plans. Hosts quarantined: the failures recorded
   * on them are queued again, with what those failures set aside.
   */
  private void hostEvents(Board board, BuildPlaces places, PlacedBuilds placed, Batch batch)
      throws JournalException {
    for (HostEvent change : places.hostChanges()) {
      progress.hostChanged(journal.recordHost(change.host(), change.change(), change.reason()));
    }
    Set<String> lost = places.lost();
    if (!lost.isEmpty()) {
      for (PlacedBuilds.Run run : placed.cutOff(lost)) {
        requeue(board, batch, run, "build host " + run.host + " was lost under it");
      }
    }
    Set<String> quarantined = placed.quarantine(places.quarantined());
    Set<EntryKey> setAside = new java.util.HashSet<>();
    for (EntryKey key : placed.failuresOn(quarantined)) {
      board.reopen(key);
      setAside.addAll(placed.skippedBy(key));
      String why = "it failed on a build host that is now quarantined";
      batch.record(Transition.queued(stage, key), () -> progress.buildCutOff(stage, key, why));
    }
    for (EntryKey freed : board.unskip(setAside)) {
      batch.record(
          Transition.queued(stage, freed),
          () -> progress.note(stage + ": " + freed + " is queued again (its dep goes elsewhere)"));
    }
  }

  /** A build cut off with no verdict: queued again; its open attempt reads as interrupted. */
  private void requeue(Board board, Batch batch, PlacedBuilds.Run run, String why) {
    board.requeue(run.key);
    batch.record(
        Transition.queued(stage, run.key), () -> progress.buildCutOff(stage, run.key, why));
  }

  private void start(
      Board board,
      CompletionService<Finished> done,
      Batch batch,
      PlacedBuilds placed,
      String host,
      String ledgerHost)
      throws JournalException {
    EntryKey key = board.startNext();
    StageEntry entry = board.entry(key);
    Path log;
    try {
      log = logs.newAttempt(stage, key);
    } catch (IOException e) {
      throw new JournalException("cannot make room for the log of " + key + " in " + stage, e);
    }
    BuildInputs madeOf = inputsOf(entry);
    EntryBuilder on = ledgerHost == null ? builder : builder.on(host);
    batch.record(
        Transition.building(stage, key, log, ledgerHost),
        () -> {
          if (ledgerHost != null) {
            progress.buildPlaced(stage, key, ledgerHost);
          }
          progress.buildStarted(stage, key, log, journal.entry(stage, key).attemptCount());
          placed.started(done.submit(() -> buildOne(on, entry, log, madeOf)), key, host, log);
        });
  }

  /**
   * What the entry is built from, its deps being built now; null when the stage records none or a
   * plan file cannot be read (the build then says what is wrong with it).
   */
  private BuildInputs inputsOf(StageEntry entry) {
    java.util.Map<EntryKey, Artifact> deps = new java.util.HashMap<>();
    for (EntryKey dep : entry.deps()) {
      Artifact now = builtNow.get(dep);
      if (now != null) {
        deps.put(dep, now);
      } else {
        journal.entry(stage, dep).artifactIfBuilt().ifPresent(a -> deps.put(dep, a));
      }
    }
    try {
      return inputs.of(entry, deps).orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Kiln is being stopped (Ctrl-C, SIGINT or SIGTERM from a script): the running builds are
   * interrupted and given time to remove their studios, then every build that finished, before or
   * during that, is recorded built, so the next run does not redo it. Failures are not recorded: a
   * build whose processes the signal killed is no failure of its plan; it is redone.
   */
  private void recordWhatFinished(
      ExecutorService pool, CompletionService<Finished> done, Board board, Batch batch)
      throws InterruptedException, JournalException {
    stop(pool);
    Future<Finished> next;
    while ((next = done.poll()) != null) {
      try {
        Finished finished = next.get();
        if (finished.outcome() instanceof BuildOutcome.Built) {
          finish(board, finished, batch);
        }
      } catch (ExecutionException notFinished) {
        // interrupted or broken: nothing to keep
      }
    }
    batch.commit();
  }

  /** Runs on a worker thread: the build, then the artifact's hash (unless the builder knows it). */
  private Finished buildOne(EntryBuilder on, StageEntry entry, Path log, BuildInputs madeOf)
      throws BuilderException, InterruptedException {
    BuildOutcome outcome = on.build(stage, entry, log);
    if (outcome instanceof BuildOutcome.Built built) {
      try {
        Artifact artifact =
            built.sha256().isPresent()
                ? Artifact.measured(built.artifact(), built.sha256().get())
                : hashFinished(built.artifact());
        return new Finished(entry.key(), log, outcome, artifact, madeOf);
      } catch (IOException e) {
        String why =
            IoFailures.message(
                "the build reported the artifact " + built.artifact() + ", which cannot be read",
                e);
        appendToLog(log, why);
        return new Finished(entry.key(), log, BuildOutcome.failed(why), null, null);
      }
    }
    return new Finished(entry.key(), log, outcome, null, null);
  }

  /**
   * Hashes a finished build's artifact even when kiln is stopping: the interrupt is meant for
   * builds still running, and this one is done (reading a file through a channel gives up on an
   * interrupt, so it is held back until the hash is taken).
   */
  private static Artifact hashFinished(Path artifact) throws IOException {
    boolean interrupted = Thread.interrupted();
    try {
      while (true) {
        try {
          return Artifact.of(artifact);
        } catch (java.nio.channels.ClosedByInterruptException e) {
          interrupted |= Thread.interrupted();
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void appendToLog(Path log, String line) {
    try {
      Files.writeString(
          log, "kiln: " + line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException ignored) {
      // the ledger records the failure; the note in the log is a courtesy
    }
  }

  /** Records how a build on {@code host} ended; true when it failed or timed out. */
  private boolean finish(
      Board board, Finished finished, Batch batch, PlacedBuilds placed, String host) {
    List<EntryKey> skipped = new ArrayList<>();
    boolean failed = finish(board, finished, batch, skipped);
    if (failed) {
      placed.failed(finished.key(), host, skipped);
    }
    return failed;
  }

  /** Records how a build ended; true when it failed or timed out. */
  private boolean finish(Board board, Finished finished, Batch batch) {
    return finish(board, finished, batch, new ArrayList<>());
  }

  /** Records how a build ended, adding what its failure set aside to {@code skipped}. */
  private boolean finish(Board board, Finished finished, Batch batch, List<EntryKey> skipped) {
    EntryKey key = finished.key();
    Path log = finished.log();
    if (finished.outcome() instanceof BuildOutcome.Built built) {
      board.built(key);
      builtNow.put(key, finished.artifact());
      batch.record(
          Transition.built(stage, key, finished.artifact(), log, built.phases(), finished.inputs()),
          () -> progress.buildFinished(stage, key, EntryStatus.BUILT, log, ""));
      return false;
    }
    boolean timedOut = finished.outcome() instanceof BuildOutcome.TimedOut;
    String why =
        timedOut
            ? ((BuildOutcome.TimedOut) finished.outcome()).why()
            : ((BuildOutcome.Failed) finished.outcome()).why();
    EntryStatus status = timedOut ? EntryStatus.TIMED_OUT : EntryStatus.FAILED;
    board.setAside(key, status);
    batch.record(
        timedOut
            ? Transition.timedOut(stage, key, log, oneLine(why))
            : Transition.failed(stage, key, log, oneLine(why)),
        () -> progress.buildFinished(stage, key, status, log, why));
    String reason = key + (timedOut ? " timed out" : " failed");
    for (EntryKey blocked : board.blockedBy(key)) {
      skipped.add(blocked);
      board.setAside(blocked, EntryStatus.SKIPPED);
      batch.record(
          Transition.skipped(stage, blocked, key, reason),
          () -> progress.skipped(stage, blocked, reason));
    }
    return true;
  }

  /** The first line of a builder's verdict, for the ledger and {@code kiln status}. */
  private static String oneLine(String why) {
    String line =
        why == null || why.isBlank()
            ? "no reason given"
            : why.strip().lines().findFirst().orElse("");
    return line.length() <= 400 ? line : line.substring(0, 400) + "...";
  }

  /**
   * Transitions waiting to be recorded, and what to do once they are (announce, start builds). The
   * scheduler commits once per turn of its loop: every transition is on disk before kiln acts on
   * it, and a turn that finishes one build and starts the next costs one flush, not two.
   */
  private final class Batch {
    private final List<Transition> transitions = new ArrayList<>();
    private final List<Runnable> then = new ArrayList<>();

    void record(Transition transition, Runnable afterwards) {
      transitions.add(transition);
      then.add(afterwards);
    }

    void commit() throws JournalException {
      journal.recordAll(transitions);
      List<Runnable> actions = new ArrayList<>(then);
      transitions.clear();
      then.clear();
      actions.forEach(Runnable::run);
    }
  }

  private boolean isStopPoint(EntryKey key) {
    return options.stopsBefore(key);
  }

  private static BuilderException asBuilderException(Throwable cause, BuilderException first) {
    if (first != null) {
      return first;
    }
    if (cause instanceof BuilderException b) {
      return b;
    }
    if (cause instanceof RuntimeException r) {
      throw r; // a bug in a builder: let the CLI show it as one
    }
    if (cause instanceof Error e) {
      throw e;
    }
    return new BuilderException(IoFailures.message("the builder failed", cause), cause);
  }

  private static void stop(ExecutorService pool) throws InterruptedException {
    pool.shutdownNow();
    // a builder removes its studio when interrupted; let it, so nothing is left behind
    pool.awaitTermination(2, TimeUnit.MINUTES);
  }

  private java.util.concurrent.ThreadFactory threads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "kiln-" + stage.id() + "-build-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
