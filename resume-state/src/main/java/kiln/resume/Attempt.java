package kiln.resume;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One build of an entry, as the ledger replays it: from its {@code building} record to the record
 * that ended it. The times are the ledger's own ({@code at} of those records), so they survive a
 * crash exactly as the states do.
 *
 * <p>Later members are added as optional ones, as {@code host} was: a ledger written before them
 * replays with them absent.
 *
 * @param number 1 for the entry's first attempt in the run, then 2, 3...
 * @param started when its {@code building} record was written
 * @param ended when the record that ended it was written; null while it runs, and for an attempt
 *     cut off by a stop or a crash (nothing recorded its end)
 * @param outcome how it ended
 * @param log the attempt's build log
 * @param phases how long each phase of the build took, in the builder's order, as the builder
 *     reported them (a built attempt of the plan builder; empty otherwise)
 * @param host the build host it ran on, in a run over several (kiln.yaml {@code hosts}); else null
 */
public record Attempt(
    int number,
    Instant started,
    Instant ended,
    Outcome outcome,
    Path log,
    Map<String, Duration> phases,
    String host) {

  /** How an attempt ended. */
  public enum Outcome {
    /** No end recorded yet: building, or kiln stopped and has not resumed the run since. */
    BUILDING,
    BUILT,
    FAILED,
    TIMED_OUT,
    /** Kiln stopped (or was killed) while it ran, and a later session queued the entry again. */
    INTERRUPTED;

    /** The name the ledger and {@code kiln status --json} use, e.g. {@code timed_out}. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Attempt {
    if (number < 1) {
      throw new IllegalArgumentException("attempt numbers start at 1, not " + number);
    }
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(outcome, "outcome");
    if (ended != null && ended.isBefore(started)) {
      throw new IllegalArgumentException(
          "attempt " + number + " ended at " + ended + ", before it started at " + started);
    }
    phases = Collections.unmodifiableMap(new LinkedHashMap<>(phases));
  }

  /** An attempt on the one local studio (no build host recorded). */
  public Attempt(
      int number,
      Instant started,
      Instant ended,
      Outcome outcome,
      Path log,
      Map<String, Duration> phases) {
    this(number, started, ended, outcome, log, phases, null);
  }

  /** The build host it ran on, when the run had several. */
  public Optional<String> hostIfKnown() {
    return Optional.ofNullable(host);
  }

  /** When it ended, if an end was recorded. */
  public Optional<Instant> endedIfKnown() {
    return Optional.ofNullable(ended);
  }

  /** From start to end, if an end was recorded. */
  public Optional<Duration> duration() {
    return endedIfKnown().map(end -> Duration.between(started, end));
  }

  /** True until a record ends it. */
  boolean open() {
    return outcome == Outcome.BUILDING;
  }

  /** This attempt ended at {@code at} with {@code status}, the phases as the builder gave them. */
  Attempt endedWith(EntryStatus status, Instant at, Map<String, Duration> phasesTaken) {
    Instant end = at.isBefore(started) ? started : at; // a clock set back must not break replay
    return new Attempt(number, started, end, outcome(status), log, phasesTaken, host);
  }

  /** A check of the built artifact failed it after the build: the attempt's verdict changes. */
  Attempt failedLater() {
    return new Attempt(number, started, ended, Outcome.FAILED, log, phases, host);
  }

  Attempt interrupted() {
    return new Attempt(number, started, null, Outcome.INTERRUPTED, log, phases, host);
  }

  private static Outcome outcome(EntryStatus status) {
    return switch (status) {
      case BUILT -> Outcome.BUILT;
      case FAILED -> Outcome.FAILED;
      case TIMED_OUT -> Outcome.TIMED_OUT;
      default -> throw new IllegalArgumentException("an attempt does not end " + status.id());
    };
  }
}
