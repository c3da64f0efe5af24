package kiln.orchestrator;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kiln.resume.HostEvent;

/**
 * Where the scheduler's builds run: the one local studio ({@link #local}), or the build hosts of
 * kiln.yaml's {@code hosts} ({@code kiln.orchestrator.farm.HostPool}). The scheduler picks the most
 * urgent ready entry; this door says which host takes it, and learns how each build ended there, so
 * that a host that stops answering or fails everything is set aside.
 *
 * <p>Called from the scheduler's thread only, except {@link #lost}, which a host watch may change.
 */
public interface BuildPlaces {

  /** How many builds may run at once, over every host. */
  int capacity();

  /** The build hosts' names, in kiln.yaml's order; empty for the one local studio. */
  default List<String> hosts() {
    return List.of();
  }

  /** A free slot on the fastest usable host, taken; empty when none is free now. */
  Optional<String> claim();

  /**
   * The build on {@code host} ended after {@code took} with {@code outcome} (empty when the builder
   * threw or the build was cut off): its slot is free again.
   *
   * @return true when the host was found lost, so the build is no verdict on its plan and is queued
   *     again
   */
  boolean release(String host, Optional<BuildOutcome> outcome, Duration took);

  /** A build cut off on a lost {@code host} came back: its slot is free again. */
  default void cutOff(String host) {}

  /** Hosts that became lost since the last call: their running builds are cut off and requeued. */
  Set<String> lost();

  /**
   * The hosts' changes since the last call (lost, rejoined, quarantined, each with why), in order:
   * the scheduler records them in the ledger and tells its progress.
   */
  default List<HostEvent> hostChanges() {
    return List.of();
  }

  /**
   * Hosts quarantined since the last call, each with the message naming it: the failures recorded
   * on them in this stage are no verdict on their plans and are queued again.
   */
  default Set<String> quarantined() {
    return Set.of();
  }

  /** Why no build can start anywhere now (every host lost or quarantined); empty while one can. */
  default Optional<String> noneUsable() {
    return Optional.empty();
  }

  /** The name recorded in the ledger for a build on {@code host}; null for the local studio. */
  default String ledgerName(String host) {
    return host;
  }

  /** The one local studio, {@code jobs} builds at once: every claim is the same unnamed place. */
  static BuildPlaces local(int jobs) {
    return new BuildPlaces() {
      private int busy;

      @Override
      public int capacity() {
        return jobs;
      }

      @Override
      public Optional<String> claim() {
        if (busy >= jobs) {
          return Optional.empty();
        }
        busy++;
        return Optional.of("local");
      }

      @Override
      public boolean release(String host, Optional<BuildOutcome> outcome, Duration took) {
        busy--;
        return false;
      }

      @Override
      public Set<String> lost() {
        return Set.of();
      }

      @Override
      public String ledgerName(String host) {
        return null;
      }
    };
  }
}
