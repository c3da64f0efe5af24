package kiln.resume;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One change of a stage hook's run (kiln.yaml's {@code before-stage}, {@code after-stage}), as the
 * ledger records it: a {@code running} record before the hook starts, and one that ends it.
 *
 * @param stage the stage the hook ran for
 * @param hook the hook's name as kiln.yaml spells it, e.g. {@code after-stage}
 * @param status where the run stands
 * @param log the file the hook's output went to
 * @param reason for {@code failed} and {@code timed_out}: one line about it; otherwise null
 */
public record HookRun(StageName stage, String hook, HookStatus status, Path log, String reason) {

  public HookRun {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(log, "log");
    if (hook == null || !hook.matches("[a-z][a-z-]*")) {
      throw new IllegalArgumentException(stage + ": a hook's name is lowercase words, not " + hook);
    }
    boolean failure = status == HookStatus.FAILED || status == HookStatus.TIMED_OUT;
    if (failure != (reason != null)) {
      throw new IllegalArgumentException(
          stage + " " + hook + ": a reason goes with failed and timed_out only, not " + status);
    }
  }

  public static HookRun running(StageName stage, String hook, Path log) {
    return new HookRun(stage, hook, HookStatus.RUNNING, log, null);
  }

  public static HookRun done(StageName stage, String hook, Path log) {
    return new HookRun(stage, hook, HookStatus.DONE, log, null);
  }

  /** Ended badly: {@code status} is failed or timed_out, {@code why} one line about it. */
  public static HookRun ended(
      StageName stage, String hook, HookStatus status, Path log, String why) {
    return new HookRun(stage, hook, status, log, why);
  }
}
