package kiln.resume;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where one entry stands after replaying the ledger.
 *
 * @param status its latest state
 * @param artifact what the last successful build made, kept while the entry is built
 * @param log the log of the latest attempt, if any attempt was made
 * @param reason for a skipped entry: why
 * @param cause for an entry skipped because another failed: that entry
 * @param attempts every build started in this run, oldest first, with its times and outcome
 * @param inputs what the last successful build was made from, kept while the entry is built; null
 *     when it is not built or its build recorded none
 */
public record EntryState(
    EntryStatus status,
    Artifact artifact,
    Path log,
    String reason,
    EntryKey cause,
    List<Attempt> attempts,
    BuildInputs inputs) {

  /** The state of an entry the ledger knows nothing about yet. */
  public static final EntryState NEW =
      new EntryState(EntryStatus.QUEUED, null, null, null, null, List.of(), null);

  public EntryState {
    attempts = List.copyOf(attempts);
  }

  /** The state after {@code t}, recorded at {@code at}. */
  EntryState after(Transition t, Instant at) {
    Path newLog = t.log() != null ? t.log() : log;
    return new EntryState(
        t.status(), t.artifact(), newLog, t.reason(), t.cause(), attemptsAfter(t, at), t.inputs());
  }

  /**
   * A {@code building} record starts an attempt; a build's end closes the open one; any other
   * record while one is open means kiln stopped during it. A check failing a built artifact later
   * changes the verdict of the attempt that built it.
   */
  private List<Attempt> attemptsAfter(Transition t, Instant at) {
    Attempt last = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
    boolean open = last != null && last.open();
    return switch (t.status()) {
      case BUILDING -> {
        List<Attempt> more = open ? replaceLast(last.interrupted()) : new ArrayList<>(attempts);
        more.add(
            new Attempt(
                more.size() + 1, at, null, Attempt.Outcome.BUILDING, t.log(), Map.of(), t.host()));
        yield more;
      }
      case BUILT, FAILED, TIMED_OUT -> {
        if (open) {
          yield replaceLast(last.endedWith(t.status(), at, t.phases()));
        }
        boolean checkFailed = t.status() == EntryStatus.FAILED && t.reason() != null;
        yield checkFailed && last != null ? replaceLast(last.failedLater()) : attempts;
      }
      case QUEUED, SKIPPED -> open ? replaceLast(last.interrupted()) : attempts;
    };
  }

  private List<Attempt> replaceLast(Attempt replacement) {
    List<Attempt> changed = new ArrayList<>(attempts);
    changed.set(changed.size() - 1, replacement);
    return changed;
  }

  /** How many builds were started in all. */
  public int attemptCount() {
    return attempts.size();
  }

  public Optional<Artifact> artifactIfBuilt() {
    return Optional.ofNullable(artifact);
  }

  /** What the last successful build was made from, when it is built and recorded them. */
  public Optional<BuildInputs> inputsIfRecorded() {
    return Optional.ofNullable(inputs);
  }

  public Optional<Path> logIfAny() {
    return Optional.ofNullable(log);
  }

  /** True when the user set this entry aside: it stays aside until {@code kiln retry}. */
  public boolean skippedByUser() {
    return status == EntryStatus.SKIPPED && Transition.BY_THE_USER.equals(reason);
  }
}
