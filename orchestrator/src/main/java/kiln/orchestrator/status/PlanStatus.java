package kiln.orchestrator.status;

import java.util.List;
import java.util.Objects;
import kiln.resume.EntryKey;
import kiln.resume.EntryState;
import kiln.resume.EntryStatus;

/**
 * One entry in {@code kiln status}.
 *
 * @param key the plan and its settings
 * @param state where it stands, its artifact, log and attempts (with their times)
 * @param blocks for a failed or timed-out entry: the entries skipped because of it, in stage order
 */
public record PlanStatus(EntryKey key, EntryState state, List<EntryKey> blocks) {

  public PlanStatus {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(state, "state");
    blocks = List.copyOf(blocks);
  }

  /** The state's name in every rendering: {@code queued} shows as {@code pending}. */
  public String statusName() {
    return name(state.status());
  }

  static String name(EntryStatus status) {
    return status == EntryStatus.QUEUED ? "pending" : status.id();
  }
}
