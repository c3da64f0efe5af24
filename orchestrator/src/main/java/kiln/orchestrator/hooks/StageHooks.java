package kiln.orchestrator.hooks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import kiln.orchestrator.EntryBuilder;
import kiln.orchestrator.LogPaths;
import kiln.orchestrator.LogTail;
import kiln.orchestrator.StageContext;
import kiln.orchestrator.StageException;
import kiln.orchestrator.StageResult;
import kiln.orchestrator.config.Hook;
import kiln.orchestrator.config.KilnConfig;
import kiln.resume.EntryKey;
import kiln.resume.EntryState;
import kiln.resume.EntryStatus;
import kiln.resume.HookRun;
import kiln.resume.HookStatus;
import kiln.resume.JournalException;
import kiln.resume.RunJournal;
import kiln.resume.StageHookRuns;
import kiln.resume.StageState;
import kiln.resume.StageWork;
import kiln.world.IoFailures;

/**
 * kiln.yaml's hooks, as the pipeline meets them: {@link #beforeStage} before a stage's scheduler
 * starts, {@link #aroundBuilds} on its builder, {@link #afterStage} once it ended. A stage's hooks
 * are recorded in the ledger and resumed like builds: one that completed is not run again, one cut
 * off by a crash is. The before-stage and after-stage hooks bracket a pass over the stage: once the
 * after-stage hook has completed, the stage runs its before-stage hook again only when it has
 * something to build again (a failure queued again, a retry, a new plan).
 */
public final class StageHooks {

  private final KilnConfig config;
  private final RunJournal journal;
  private final LogPaths logs;
  private final HookRunner runner;

  public StageHooks(KilnConfig config, RunJournal journal, LogPaths logs, HookShell shell) {
    this.config = config;
    this.journal = journal;
    this.logs = logs;
    this.runner = new HookRunner(config.hooks(), config.folder(), shell);
  }

  /** The hooks of kiln.yaml, run with bash on this host. */
  public static StageHooks of(KilnConfig config, RunJournal journal, LogPaths logs) {
    return new StageHooks(config, journal, logs, HookShell.BASH);
  }

  /** The stage's builder with the build hooks around each build (itself when there are none). */
  public EntryBuilder aroundBuilds(StageContext context, EntryBuilder builder) {
    return config.hooks().aroundBuilds()
        ? new HookedBuilder(builder, runner, context, journal.runId())
        : builder;
  }

  /**
   * Runs the before-stage hook, unless this pass over the stage already ran it or the stage is done
   * and its after-stage hook completed since.
   *
   * @param work what the stage is to build
   * @throws StageException when the hook fails: the stage's builds do not start
   */
  public void beforeStage(StageContext context, StageWork work)
      throws StageException, JournalException, InterruptedException {
    if (config.hooks().command(Hook.BEFORE_STAGE).isEmpty()) {
      return;
    }
    StageHookRuns runs = journal.hooks(context.stage());
    if (afterStageCurrent(runs) && !hasWork(work)) {
      return; // a finished stage, resumed: nothing runs
    }
    boolean passClosed =
        runs.latest(Hook.AFTER_STAGE.key()).filter(r -> r.status() == HookStatus.DONE).isPresent()
            && runs.ranAfter(Hook.AFTER_STAGE.key(), Hook.BEFORE_STAGE.key());
    boolean done =
        runs.latest(Hook.BEFORE_STAGE.key()).filter(r -> r.status() == HookStatus.DONE).isPresent();
    if (done && !passClosed) {
      return; // this pass's before-stage hook completed before kiln stopped
    }
    run(
        Hook.BEFORE_STAGE,
        HookEnvironment.of(Hook.BEFORE_STAGE, context, journal.runId()),
        context);
  }

  /**
   * Runs the after-stage hook once the stage ended (not when {@code --stop-before} paused it),
   * unless it completed before and nothing in the stage changed since.
   *
   * @throws StageException when the hook fails: the pipeline stops there, and the next run runs the
   *     hook again before going on
   */
  public void afterStage(StageContext context, StageResult result)
      throws StageException, JournalException, InterruptedException {
    if (config.hooks().command(Hook.AFTER_STAGE).isEmpty()
        || result.stoppedBefore().isPresent()
        || afterStageCurrent(journal.hooks(context.stage()))) {
      return;
    }
    run(
        Hook.AFTER_STAGE,
        HookEnvironment.of(Hook.AFTER_STAGE, context, journal.runId()).stage(result),
        context);
  }

  /** True when the after-stage hook completed and no entry of the stage changed since. */
  private static boolean afterStageCurrent(StageHookRuns runs) {
    return runs.latest(Hook.AFTER_STAGE.key())
            .filter(r -> r.status() == HookStatus.DONE)
            .isPresent()
        && !runs.stageChangedSince(Hook.AFTER_STAGE.key());
  }

  /**
   * True when the scheduler will have something to build: an entry not built, or whose artifact
   * changed (entries the user set aside wait for {@code kiln retry}).
   */
  private boolean hasWork(StageWork work) throws JournalException {
    StageState state = journal.state().stage(work.stage());
    for (EntryKey key : work.keys()) {
      EntryState entry = state.entry(key);
      if (state.setAsideByUser(key)) {
        continue;
      }
      try {
        if (entry.status() != EntryStatus.BUILT || !entry.artifact().stillMatches()) {
          return true;
        }
      } catch (IOException e) {
        return true; // the scheduler will say what is wrong with it
      }
    }
    return false;
  }

  private void run(Hook hook, HookEnvironment env, StageContext context)
      throws StageException, JournalException, InterruptedException {
    Path log;
    HookRunner.Verdict verdict;
    try {
      log = logs.newHookAttempt(context.stage(), hook.key());
      journal.recordHook(HookRun.running(context.stage(), hook.key(), log));
      verdict = runner.run(hook, env, log);
    } catch (IOException e) {
      throw new StageException(
          IoFailures.message(context.stage() + ": cannot run the " + hook.key() + " hook", e), e);
    }
    if (verdict.succeeded()) {
      journal.recordHook(HookRun.done(context.stage(), hook.key(), log));
      return;
    }
    journal.recordHook(
        HookRun.ended(context.stage(), hook.key(), verdict.status(), log, verdict.why()));
    throw new StageException(failure(hook, verdict, log, context));
  }

  private String failure(Hook hook, HookRunner.Verdict verdict, Path log, StageContext context) {
    List<String> tail = LogTail.of(log, 20);
    String then =
        hook == Hook.BEFORE_STAGE
            ? "the stage's builds did not start"
            : "the stage's builds are recorded, and the next `kiln bootstrap` runs the hook again"
                + " before it goes on";
    return context.stage()
        + ": the "
        + verdict.why()
        + "; "
        + then
        + "\n  | "
        + String.join("\n  | ", tail)
        + "\nits log: "
        + log
        + "\nfix the command (hooks: "
        + hook.key()
        + " in "
        + config.file()
        + ") or what it needs, and run `kiln bootstrap` again";
  }
}
