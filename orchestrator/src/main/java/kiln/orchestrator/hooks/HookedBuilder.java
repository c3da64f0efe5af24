package kiln.orchestrator.hooks;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import kiln.orchestrator.BuildOutcome;
import kiln.orchestrator.BuildPlaces;
import kiln.orchestrator.BuilderException;
import kiln.orchestrator.EntryBuilder;
import kiln.orchestrator.StageContext;
import kiln.orchestrator.config.Hook;
import kiln.resume.EntryStatus;
import kiln.resume.StageEntry;
import kiln.resume.StageName;
import kiln.world.IoFailures;

/**
 * A stage's builder with the build hooks around each build, as part of it: their output goes to the
 * build's log, their times to its phases, and a hook that fails fails the build. So the ledger
 * records them with the attempt, and a build cut off by a crash is redone with its hooks, as any
 * build is.
 */
final class HookedBuilder implements EntryBuilder {

  /** The phase names of the hooks' times in the ledger and {@code kiln status --json}. */
  static final String BEFORE_PHASE = "before-build hook";

  static final String AFTER_PHASE = "after-build hook";

  private final EntryBuilder builder;
  private final HookRunner runner;
  private final StageContext context;
  private final String runId;

  HookedBuilder(EntryBuilder builder, HookRunner runner, StageContext context, String runId) {
    this.builder = builder;
    this.runner = runner;
    this.context = context;
    this.runId = runId;
  }

  /** The hooks go with the build to whichever host it is placed on. */
  @Override
  public EntryBuilder on(String host) {
    return new HookedBuilder(builder.on(host), runner, context, runId);
  }

  @Override
  public BuildPlaces places(int jobs, boolean ordered) {
    return builder.places(jobs, ordered);
  }

  @Override
  public BuildOutcome build(StageName stage, StageEntry entry, Path log)
      throws BuilderException, InterruptedException {
    Map<String, Duration> phases = new LinkedHashMap<>();
    if (runner.hooks().command(Hook.BEFORE_BUILD).isPresent()) {
      HookRunner.Verdict before = run(Hook.BEFORE_BUILD, entry, log, null, null);
      if (!before.succeeded()) {
        return BuildOutcome.failed(before.why() + " (the build did not start; its log has why)");
      }
      phases.put(BEFORE_PHASE, before.took());
    }
    BuildOutcome outcome = builder.build(stage, entry, log);
    if (runner.hooks().command(Hook.AFTER_BUILD).isEmpty()) {
      return withPhases(outcome, phases, Map.of());
    }
    BuildOutcome.Built built = outcome instanceof BuildOutcome.Built b ? b : null;
    HookRunner.Verdict after =
        run(
            Hook.AFTER_BUILD,
            entry,
            log,
            statusOf(outcome),
            built == null ? null : built.artifact());
    if (built != null && !after.succeeded()) {
      return BuildOutcome.failed(after.why() + " (the build itself succeeded)");
    }
    return withPhases(outcome, phases, Map.of(AFTER_PHASE, after.took()));
  }

  private HookRunner.Verdict run(
      Hook hook, StageEntry entry, Path log, EntryStatus outcome, Path artifact)
      throws BuilderException, InterruptedException {
    HookEnvironment env =
        HookEnvironment.of(hook, context, runId)
            .entry(entry, context.config().folder().resolve(entry.plan()), log);
    if (outcome != null) {
      env.build(outcome, artifact);
    }
    try {
      return runner.run(hook, env, log);
    } catch (IOException e) {
      // no bash, or the log cannot be written: every build would fail the same way
      throw new BuilderException(
          IoFailures.message(context.stage() + ": cannot run the " + hook.key() + " hook", e), e);
    }
  }

  private static EntryStatus statusOf(BuildOutcome outcome) {
    if (outcome instanceof BuildOutcome.Built) {
      return EntryStatus.BUILT;
    }
    return outcome instanceof BuildOutcome.TimedOut ? EntryStatus.TIMED_OUT : EntryStatus.FAILED;
  }

  /** A built outcome with the hooks' times around the builder's phases; any other as it is. */
  private static BuildOutcome withPhases(
      BuildOutcome outcome, Map<String, Duration> before, Map<String, Duration> after) {
    if (!(outcome instanceof BuildOutcome.Built built) || (before.isEmpty() && after.isEmpty())) {
      return outcome;
    }
    Map<String, Duration> phases = new LinkedHashMap<>(before);
    phases.putAll(built.phases());
    phases.putAll(after);
    return new BuildOutcome.Built(built.artifact(), built.sha256(), phases);
  }
}
