package kiln.orchestrator.hooks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import kiln.orchestrator.config.Hook;
import kiln.orchestrator.config.Hooks;
import kiln.resume.HookStatus;
import kiln.stages.studio.BuildLimits;

/**
 * Runs one hook into a log: a line saying which command, its output, a line saying how it ended.
 * Shared by the stage hooks (a log of their own) and the build hooks (the build's log).
 */
final class HookRunner {

  private final Hooks hooks;
  private final Path folder;
  private final HookShell shell;

  HookRunner(Hooks hooks, Path folder, HookShell shell) {
    this.hooks = hooks;
    this.folder = folder;
    this.shell = shell;
  }

  /**
   * How one run of a hook ended.
   *
   * @param status done, failed or timed_out
   * @param took how long it ran
   * @param why for a hook that did not succeed: one line, e.g. {@code after-build hook failed: exit
   *     code 3}; null otherwise
   */
  record Verdict(Hook hook, HookStatus status, Duration took, String why) {
    boolean succeeded() {
      return status == HookStatus.DONE;
    }
  }

  Hooks hooks() {
    return hooks;
  }

  /**
   * Runs {@code hook}, which kiln.yaml sets, appending to {@code log}.
   *
   * @throws IOException when the log cannot be written or bash cannot be started
   */
  Verdict run(Hook hook, HookEnvironment env, Path log) throws IOException, InterruptedException {
    String command = hooks.command(hook).orElseThrow();
    Files.createDirectories(log.getParent());
    note(log, hook.key() + " hook: " + command);
    HookShell.Exit exit = shell.run(command, folder, env.variables(), hooks.timeout(), log);
    Verdict verdict;
    if (exit.timedOut()) {
      verdict =
          new Verdict(
              hook,
              HookStatus.TIMED_OUT,
              exit.took(),
              hook.key()
                  + " hook timed out after "
                  + BuildLimits.format(hooks.timeout())
                  + " (kiln.yaml's hooks: timeout)");
    } else if (exit.code() != 0) {
      verdict =
          new Verdict(
              hook,
              HookStatus.FAILED,
              exit.took(),
              hook.key() + " hook failed: exit code " + exit.code());
    } else {
      verdict = new Verdict(hook, HookStatus.DONE, exit.took(), null);
    }
    note(
        log,
        verdict.succeeded()
            ? hook.key() + " hook done in " + BuildLimits.format(exit.took())
            : verdict.why());
    return verdict;
  }

  private static void note(Path log, String line) throws IOException {
    Files.writeString(
        log, "kiln: " + line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}
