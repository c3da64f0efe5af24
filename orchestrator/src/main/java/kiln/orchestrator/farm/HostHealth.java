package kiln.orchestrator.farm;

import java.time.Duration;
import java.time.Instant;

/**
 * One build host's standing during a run: up, lost (its engine stopped answering; retried with a
 * growing back-off) or quarantined (it fails builds the other hosts do not; out for the rest of the
 * run), with the counts the quarantine rule reads. Guarded by its {@link HostPool}.
 */
final class HostHealth {

  /** Where a host stands. */
  enum State {
    UP,
    LOST,
    QUARANTINED
  }

  /** The first wait before a lost host is asked again; each failed retry doubles it. */
  static final Duration FIRST_RETRY = Duration.ofSeconds(5);

  /** The longest wait between two retries of a lost host. */
  static final Duration LONGEST_RETRY = Duration.ofMinutes(5);

  /** A failure this quick says more about the host than about the plan. */
  static final Duration QUICK = Duration.ofSeconds(10);

  private State state = State.UP;
  private String why = "";
  private int missedPings;
  private Duration backoff = FIRST_RETRY;
  private Instant retryAt = Instant.MIN;
  private int builds;
  private int failures;
  private int quickFailuresInARow;

  State state() {
    return state;
  }

  /** Why it is lost or quarantined; empty while up. */
  String why() {
    return why;
  }

  int builds() {
    return builds;
  }

  int failures() {
    return failures;
  }

  int quickFailuresInARow() {
    return quickFailuresInARow;
  }

  /** True when a lost host's next retry is due. */
  boolean retryDue(Instant now) {
    return state == State.LOST && !now.isBefore(retryAt);
  }

  /**
   * An up host's engine did not answer a ping: after {@code allowed} misses in a row it is lost.
   *
   * @return true when this made it lost
   */
  boolean missedPing(String problem, int allowed, Instant now) {
    if (state != State.UP) {
      return false;
    }
    missedPings++;
    if (missedPings < allowed) {
      return false;
    }
    lose(problem, now);
    return true;
  }

  /** An up host answered: misses before it no longer count. */
  void answered() {
    missedPings = 0;
  }

  /** Its engine failed outright (a build or a ping found it gone). */
  void lose(String problem, Instant now) {
    if (state == State.QUARANTINED) {
      return;
    }
    state = State.LOST;
    why = problem;
    missedPings = 0;
    backoff = FIRST_RETRY;
    retryAt = now.plus(backoff);
  }

  /** A retry of a lost host failed: the next waits twice as long, up to {@link #LONGEST_RETRY}. */
  void retryFailed(String problem, Instant now) {
    why = problem;
    backoff = backoff.multipliedBy(2);
    if (backoff.compareTo(LONGEST_RETRY) > 0) {
      backoff = LONGEST_RETRY;
    }
    retryAt = now.plus(backoff);
  }

  /** A retry of a lost host found it healthy: it takes builds again. */
  void rejoin() {
    state = State.UP;
    why = "";
    missedPings = 0;
    backoff = FIRST_RETRY;
  }

  /** When a lost host is asked next. */
  Instant retryAt() {
    return retryAt;
  }

  void built() {
    builds++;
    quickFailuresInARow = 0;
  }

  void failed(Duration took) {
    builds++;
    failures++;
    quickFailuresInARow = took.compareTo(QUICK) < 0 ? quickFailuresInARow + 1 : 0;
  }

  void quarantine(String reason) {
    state = State.QUARANTINED;
    why = reason;
  }
}
