package kiln.orchestrator.status;

import java.util.Objects;
import kiln.resume.EntryKey;
import kiln.resume.EntryState;

/**
 * An entry the ledger has a history for that is no part of the stage any more: its plan was deleted
 * from the tree, or the stage's plan list no longer holds it. Not counted in the stage.
 *
 * @param key the plan and its settings
 * @param state where it stood last
 * @param why which of the two, in words
 */
public record LeftPlan(EntryKey key, EntryState state, String why) {

  public LeftPlan {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(why, "why");
  }

  /** Where it stood last, as {@code kiln status} names states. */
  public String wasName() {
    return PlanStatus.name(state.status());
  }
}
