package kiln.orchestrator.hooks;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kiln.orchestrator.StageContext;
import kiln.orchestrator.StageResult;
import kiln.orchestrator.config.Hook;
import kiln.resume.EntryStatus;
import kiln.resume.StageEntry;

/**
 * The variables a hook is given (docs/hooks.md has the table). Every hook has the run's and the
 * stage's; the build hooks add the entry's; the after hooks add how it ended.
 */
final class HookEnvironment {

  /** Every variable kiln sets for some hook; the rest of kiln's environment passes as it is. */
  static final List<String> NAMES =
      List.of(
          "KILN_HOOK",
          "KILN_STAGE",
          "KILN_RUN_ID",
          "KILN_CONFIG",
          "KILN_WORK",
          "KILN_RESULTS",
          "KILN_IDENT",
          "KILN_ARGS",
          "KILN_PLAN",
          "KILN_LOG",
          "KILN_OUTCOME",
          "KILN_ARTIFACT",
          "KILN_BUILT",
          "KILN_FAILED",
          "KILN_SKIPPED");

  private final Map<String, String> variables = new LinkedHashMap<>();

  private HookEnvironment() {}

  /** What every hook of a stage is told: which hook, stage and run, and where things are. */
  static HookEnvironment of(Hook hook, StageContext context, String runId) {
    HookEnvironment env = new HookEnvironment();
    env.set("KILN_HOOK", hook.key());
    env.set("KILN_STAGE", context.stage().id());
    env.set("KILN_RUN_ID", runId);
    env.set("KILN_CONFIG", context.config().file().toString());
    env.set("KILN_WORK", context.config().work().toString());
    env.set("KILN_RESULTS", context.results().toString());
    return env;
  }

  /** A build hook's: the entry, its plan and the build's log of this attempt. */
  HookEnvironment entry(StageEntry entry, Path planFolder, Path log) {
    set("KILN_IDENT", entry.key().ident().toString());
    set("KILN_ARGS", String.join(" ", entry.key().args()));
    set("KILN_PLAN", planFolder.toString());
    set("KILN_LOG", log.toString());
    return this;
  }

  /** after-build's: how the build ended, and its artifact when it built. */
  HookEnvironment build(EntryStatus outcome, Path artifact) {
    set("KILN_OUTCOME", outcome.id());
    if (artifact != null) {
      set("KILN_ARTIFACT", artifact.toString());
    }
    return this;
  }

  /** after-stage's: whether every entry is built (or set aside by the user), and the counts. */
  HookEnvironment stage(StageResult result) {
    set("KILN_OUTCOME", result.complete() ? "complete" : "failed");
    set("KILN_BUILT", String.valueOf(result.count(EntryStatus.BUILT)));
    set(
        "KILN_FAILED",
        String.valueOf(result.count(EntryStatus.FAILED) + result.count(EntryStatus.TIMED_OUT)));
    set("KILN_SKIPPED", String.valueOf(result.count(EntryStatus.SKIPPED)));
    return this;
  }

  Map<String, String> variables() {
    return Collections.unmodifiableMap(variables);
  }

  private void set(String name, String value) {
    if (!NAMES.contains(name)) {
      throw new IllegalStateException(name + " is not in NAMES: kiln would not clear it");
    }
    variables.put(name, value);
  }
}
