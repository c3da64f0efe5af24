package kiln.orchestrator.status;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import kiln.resume.EntryStatus;
import kiln.resume.HostEvent;
import kiln.resume.Recovery;
import kiln.resume.RunState;

/**
 * Where a run stands, for {@code kiln status} and its renderers: built from the replayed ledger,
 * nothing of it re-read or re-computed by a renderer.
 *
 * @param runId the run's id
 * @param ledger the ledger file
 * @param runningPid the pid of a kiln working on this run now, if any ({@code -1} when a kiln holds
 *     the lock but its pid could not be read)
 * @param recovery what replaying found wrong with the ledger, if anything
 * @param stages the stages the ledger knows, in stage order
 * @param timing each entry's estimate and, while a kiln works on the run, the ETA
 * @param hosts the build hosts of a run over kiln.yaml's {@code hosts}, by name; else empty
 * @param hostChanges every host record of the run, in order (for the report's timeline)
 */
public record RunStatus(
    String runId,
    Path ledger,
    Optional<Long> runningPid,
    Recovery recovery,
    List<StageStatus> stages,
    StatusTiming timing,
    List<HostStatus> hosts,
    List<HostEvent> hostChanges) {

  public RunStatus {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(runningPid, "runningPid");
    Objects.requireNonNull(timing, "timing");
    stages = List.copyOf(stages);
    hosts = List.copyOf(hosts);
    hostChanges = List.copyOf(hostChanges);
  }

  /** A status with no times. */
  public RunStatus(
      String runId,
      Path ledger,
      Optional<Long> runningPid,
      Recovery recovery,
      List<StageStatus> stages) {
    this(runId, ledger, runningPid, recovery, stages, StatusTiming.NONE, List.of(), List.of());
  }

  /** The same status with these times. */
  public RunStatus withTiming(StatusTiming other) {
    return new RunStatus(runId, ledger, runningPid, recovery, stages, other, hosts, hostChanges);
  }

  /** The status of a replayed run, with no tree to check its plans against. */
  public static RunStatus of(RunState run, Path ledger, Optional<Long> runningPid) {
    return of(run, ledger, runningPid, PlanTree.UNKNOWN);
  }

  /**
   * The status of a replayed run.
   *
   * @param tree where the plans are now: an entry whose plan is gone is reported as left
   */
  public static RunStatus of(RunState run, Path ledger, Optional<Long> runningPid, PlanTree tree) {
    return new RunStatus(
        run.runId(),
        ledger,
        runningPid,
        run.recovery(),
        run.stages().values().stream().map(s -> StageStatus.of(s, tree)).toList(),
        StatusTiming.NONE,
        HostStatus.of(run, runningPid.isPresent()),
        run.hosts().events());
  }

  /**
   * True when an entry failed, timed out or was skipped (by the user or because of another): work a
   * script must not take for done. {@code kiln status} exits {@code 4} then.
   */
  public boolean hasFailuresOrSkips() {
    return stages.stream()
        .anyMatch(
            s ->
                s.count(EntryStatus.FAILED)
                        + s.count(EntryStatus.TIMED_OUT)
                        + s.count(EntryStatus.SKIPPED)
                    > 0);
  }

  /** True while a kiln works on the run. */
  public boolean running() {
    return runningPid.isPresent();
  }
}
