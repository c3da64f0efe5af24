package kiln.orchestrator.status;

import java.time.Duration;
import java.util.List;
import kiln.orchestrator.history.Estimate;
import kiln.orchestrator.progress.DurationText;
import kiln.resume.Attempt;
import kiln.resume.EntryKey;
import kiln.resume.EntryState;
import kiln.resume.EntryStatus;

/**
 * {@code kiln status} for people: per stage the counts, each failure or time-out with its log and
 * the plans it blocks, the plans the user skipped, the builds running (or cut off), and whether a
 * kiln is running.
 */
public final class TextStatus implements StatusRenderer {

  @Override
  public String render(RunStatus status) {
    StringBuilder text = new StringBuilder();
    text.append("run ")
        .append(status.runId())
        .append(" (ledger ")
        .append(status.ledger())
        .append(")\n");
    if (!status.recovery().clean()) {
      text.append("note: ").append(status.recovery().describe(status.ledger())).append('\n');
    }
    for (StageStatus stage : status.stages()) {
      appendStage(text, stage, status.running(), status.timing());
    }
    appendHosts(text, status);
    text.append(
        status
            .runningPid()
            .map(pid -> pid < 0 ? "kiln is running\n" : "kiln is running (pid " + pid + ")\n")
            .orElse("kiln is not running\n"));
    status
        .timing()
        .eta()
        .ifPresent(
            eta ->
                text.append(eta.stage())
                    .append(" should be done in about ")
                    .append(DurationText.words(eta.left()))
                    .append(" (by the build history)\n"));
    return text.toString();
  }

  /**
   * {@code hosts:} then per host {@code e1: building demo/zlib; 4 built, 1 failed}, or {@code
   * doomed: lost since 2026-12-07T10:00:05Z (why); ...}.
   */
  private static void appendHosts(StringBuilder text, RunStatus status) {
    if (status.hosts().isEmpty()) {
      return;
    }
    text.append(
        status.running()
            ? "build hosts:\n"
            : "build hosts (as the last kiln session left them):\n");
    for (HostStatus host : status.hosts()) {
      text.append("  ").append(host.name()).append(": ").append(host.state().id());
      if (!host.building().isEmpty()) {
        text.append(' ').append(join(host.building()));
      }
      if (host.since() != null) {
        text.append(" since ")
            .append(host.since().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
            .append(" (")
            .append(host.why())
            .append(')');
      }
      text.append("; ")
          .append(host.built())
          .append(" built, ")
          .append(host.failed())
          .append(" failed\n");
    }
  }

  private static void appendStage(
      StringBuilder text, StageStatus stage, boolean running, StatusTiming timing) {
    text.append(stage.stage().id())
        .append(": ")
        .append(
            String.format(
                "%d built, %d failed, %d skipped, %d timed out, %d pending, %d building%n",
                stage.count(EntryStatus.BUILT),
                stage.count(EntryStatus.FAILED),
                stage.count(EntryStatus.SKIPPED),
                stage.count(EntryStatus.TIMED_OUT),
                stage.count(EntryStatus.QUEUED),
                stage.count(EntryStatus.BUILDING)));
    if (stage.passedCheck() > 0) {
      text.append("  ")
          .append(stage.passedCheck())
          .append(" built artifact(s) passed the check before the next stage\n");
    }
    appendLeft(text, stage);
    for (PlanStatus plan : stage.plans()) {
      EntryState entry = plan.state();
      if (entry.status().isFailure()) {
        text.append("  ").append(entry.status().id().replace('_', ' ')).append(' ');
        text.append(plan.key()).append(onHost(entry)).append("  log: ").append(entry.log());
        text.append('\n');
        if (entry.reason() != null) {
          // built, but its artifact failed the check before the next stage
          text.append("    ").append(entry.reason()).append('\n');
        }
        if (!plan.blocks().isEmpty()) {
          text.append("    blocks: ").append(join(plan.blocks())).append('\n');
        }
      } else if (entry.skippedByUser()) {
        text.append("  skipped by the user: ").append(plan.key()).append('\n');
      } else if (entry.status() == EntryStatus.BUILDING) {
        text.append(running ? "  building " : "  was building when kiln stopped: ")
            .append(plan.key())
            .append(onHost(entry))
            .append(" (attempt ")
            .append(entry.attemptCount())
            .append(
                running
                    ? runningTime(entry, timing.estimate(stage.stage(), plan.key()), timing)
                    : "")
            .append(")  log: ")
            .append(entry.log())
            .append('\n');
      } else if (entry.status() == EntryStatus.QUEUED
          && entry.reason() != null
          && !entry.reason().equals("never built")) {
        // why a run builds it again: changed: plan.sh, dependency rebuilt: demo/libgreet, ...
        text.append("  to build ").append(plan.key()).append(": ").append(entry.reason());
        text.append('\n');
      }
    }
  }

  /** {@code , 0:42/1:10}: the build's time so far against its estimate. */
  private static String runningTime(EntryState entry, Estimate estimate, StatusTiming timing) {
    if (entry.attempts().isEmpty() || !timing.taken()) {
      return "";
    }
    Attempt last = entry.attempts().get(entry.attempts().size() - 1);
    return ", "
        + DurationText.clock(Duration.between(last.started(), timing.now()))
        + (estimate.basis() == Estimate.Basis.NONE
            ? ""
            : "/" + DurationText.clock(DurationText.ofSeconds(estimate.seconds())));
  }

  private static void appendLeft(StringBuilder text, StageStatus stage) {
    for (LeftPlan gone : stage.left()) {
      text.append("  left: ")
          .append(gone.key())
          .append(" (was ")
          .append(gone.wasName().replace('_', ' '))
          .append("): ")
          .append(gone.why())
          .append('\n');
    }
  }

  /** " on HOST" for an entry whose latest attempt ran on a build host; else nothing. */
  private static String onHost(EntryState entry) {
    List<kiln.resume.Attempt> attempts = entry.attempts();
    return attempts.isEmpty()
        ? ""
        : attempts.get(attempts.size() - 1).hostIfKnown().map(h -> " on " + h).orElse("");
  }

  private static String join(List<EntryKey> keys) {
    return String.join(", ", keys.stream().map(EntryKey::toString).toList());
  }
}
