package kiln.orchestrator;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import kiln.orchestrator.history.BuildHistory;
import kiln.orchestrator.status.PlanTree;
import kiln.orchestrator.status.RunStatus;
import kiln.orchestrator.status.StatusTiming;
import kiln.resume.JournalException;
import kiln.resume.RunJournal;
import kiln.resume.RunState;
import kiln.resume.WorkDirLock;

/**
 * A kiln process's hold on a run, the one way every command opens one: the work directory's lock,
 * the run's journal (a torn tail cut off, damage kept aside), a note for each thing opening found
 * (a lock taken over from a dead kiln, a repaired ledger), and a shutdown hook: on Ctrl-C or
 * SIGTERM it interrupts the thread that opened the session and holds the JVM's exit until the
 * session is closed, so running builds remove their studios and nothing is left half-written.
 * {@link #peek} is the read-only way in, for {@code kiln status}.
 */
public final class RunSession implements AutoCloseable {

  /**
   * Which run to open.
   *
   * @param fresh start a new run (a new ledger) instead of resuming
   * @param runId resume this earlier run and make it the current one; empty: the current run
   */
  public record Choice(boolean fresh, Optional<String> runId) {

    public Choice {
      if (fresh && runId.isPresent()) {
        throw new IllegalArgumentException("give --new-run or --run, not both");
      }
    }

    /** The run {@code kiln bootstrap} resumes (a new one when there is none). */
    public static Choice current() {
      return new Choice(false, Optional.empty());
    }

    RunJournal open(WorkDirLock lock, Clock clock) throws JournalException {
      if (fresh) {
        return RunJournal.startNew(lock, clock);
      }
      return runId.isPresent()
          ? RunJournal.resume(lock, clock, runId.get())
          : RunJournal.resume(lock, clock);
    }
  }

  private final WorkDirLock lock;
  private final RunJournal journal;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Thread hook;

  private RunSession(WorkDirLock lock, RunJournal journal, Thread owner, Consumer<String> notes) {
    this.lock = lock;
    this.journal = journal;
    this.hook =
        new Thread(
            () -> {
              notes.accept(
                  "stopping (interrupted): running builds are stopped and their studios"
                      + " removed; what finished is recorded");
              journal.interruptBetweenWrites(owner);
              try {
                closed.await();
              } catch (InterruptedException ignored) {
                // the JVM is going down anyway
              }
            },
            "kiln-stop");
  }

  /**
   * Locks the work directory and opens a run in it.
   *
   * @param clock the ledger's clock: every record's time, and so every attempt's start and end
   * @param notes where each note about the opening goes (one line each, for people)
   * @throws kiln.resume.WorkDirLockedException when another kiln works there
   * @throws JournalException when the ledger cannot be opened
   */
  public static RunSession open(Path work, Choice which, Clock clock, Consumer<String> notes)
      throws JournalException {
    WorkDirLock lock = WorkDirLock.acquire(work);
    RunJournal journal;
    try {
      journal = which.open(lock, clock);
    } catch (JournalException | RuntimeException e) {
      closeQuietly(lock, e);
      throw e;
    }
    lock.previousHolder()
        .filter(pid -> pid != ProcessHandle.current().pid())
        .ifPresent(
            pid -> notes.accept("took over the lock left by kiln pid " + pid + ", which is gone"));
    if (!journal.recovery().clean()) {
      notes.accept(journal.recovery().describe(journal.file()));
    }
    RunSession session = new RunSession(lock, journal, Thread.currentThread(), notes);
    Runtime.getRuntime().addShutdownHook(session.hook);
    return session;
  }

  /**
   * The current run of a work directory as it stands, without locking it or changing anything (a
   * record being written shows as a torn tail and is left alone); empty when there is no run.
   */
  public static Optional<RunStatus> peek(Path work, PlanTree tree) throws JournalException {
    return peek(work, tree, BuildHistory.of(List.of()), 1, Clock.systemUTC());
  }

  /**
   * As {@link #peek(Path, PlanTree)}, with each entry's estimate from the work directory's build
   * history and, while a kiln works on the run, the ETA of the stage it builds.
   *
   * @param builders how many builds run at once (kiln.yaml's {@code jobs}, when known)
   */
  public static Optional<RunStatus> peek(
      Path work, PlanTree tree, BuildHistory history, int builders, Clock clock)
      throws JournalException {
    Optional<RunState> run = RunJournal.read(work);
    if (run.isEmpty()) {
      return Optional.empty();
    }
    Path ledger = RunJournal.ledgerFile(work, run.get().runId());
    RunStatus status = RunStatus.of(run.get(), ledger, WorkDirLock.liveHolderOf(work), tree);
    return Optional.of(
        status.withTiming(
            StatusTiming.of(run.get(), history, status.running(), builders, clock.instant())));
  }

  public RunJournal journal() {
    return journal;
  }

  @Override
  public void close() throws java.io.IOException {
    closed.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running: it returns now that the session is closed
    }
    try (lock) {
      journal.close();
    }
  }

  private static void closeQuietly(WorkDirLock lock, Exception failure) {
    try {
      lock.close();
    } catch (java.io.IOException e) {
      failure.addSuppressed(e);
    }
  }
}
