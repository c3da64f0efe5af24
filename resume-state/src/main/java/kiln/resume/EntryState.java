package kiln.resume;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where one entry stands after replaying the ledger.
 *
 * @param status its latest state
 * @param artifact what the last successful build made, kept while the entry is built
 * @param log the log of the latest attempt, if any attempt was made
 * @param reason for a skipped entry: why
 * @param cause for an entry skipped because another failed: that entry
 * @param attempts how many builds were started in all
 */
public record EntryState(
    EntryStatus status, Artifact artifact, Path log, String reason, EntryKey cause, int attempts) {

  /** The state of an entry the ledger knows nothing about yet. */
  public static final EntryState NEW =
      new EntryState(EntryStatus.QUEUED, null, null, null, null, 0);

  /** The state after {@code t}. */
  EntryState after(Transition t) {
    int tries = attempts + (t.status() == EntryStatus.BUILDING ? 1 : 0);
    Path newLog = t.log() != null ? t.log() : log;
    return new EntryState(t.status(), t.artifact(), newLog, t.reason(), t.cause(), tries);
  }

  public Optional<Artifact> artifactIfBuilt() {
    return Optional.ofNullable(artifact);
  }

  public Optional<Path> logIfAny() {
    return Optional.ofNullable(log);
  }

  /** True when the user set this entry aside: it stays aside until {@code kiln retry}. */
  public boolean skippedByUser() {
    return status == EntryStatus.SKIPPED && Transition.BY_THE_USER.equals(reason);
  }
}
