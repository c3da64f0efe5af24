package kiln.resume;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One change of one entry's state, as the ledger records it before kiln acts on it.
 *
 * @param stage the stage the entry belongs to
 * @param key the entry
 * @param status the new state
 * @param artifact for {@code built}: what was built; otherwise null
 * @param log the build log of this attempt, or null when there is none (queued, skipped)
 * @param reason for {@code skipped}: why, e.g. {@code demo/x failed} or {@code by the user}; for
 *     {@code failed} or {@code timed_out}: the builder's one line about it, or, for {@code failed}
 *     by a check of the built artifact after the build, what the check found (null when unknown);
 *     for {@code queued}: why it will be built, when kiln tells (e.g. {@code changed: plan.sh})
 * @param cause for {@code skipped} because of a failure: the entry that failed; otherwise null
 * @param phases for {@code built}: how long each phase of the build took, in the builder's order,
 *     as far as the builder reports them; otherwise empty
 * @param inputs for {@code built}: what the build was made from, when kiln computed it (a ledger
 *     written before kiln recorded inputs has none); otherwise null
 * @param host for {@code building}: the name of the build host the attempt runs on, when the run
 *     has several (kiln.yaml {@code hosts}); otherwise null
 */
public record Transition(
    StageName stage,
    EntryKey key,
    EntryStatus status,
    Artifact artifact,
    Path log,
    String reason,
    EntryKey cause,
    Map<String, Duration> phases,
    BuildInputs inputs,
    String host) {

  /** The reason recorded for a plan the user set aside. */
  public static final String BY_THE_USER = "by the user";

  public Transition {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(status, "status");
    if ((status == EntryStatus.BUILT) != (artifact != null)) {
      throw new IllegalArgumentException(
          stage + " " + key + ": an artifact goes with 'built' and only with it, not " + status);
    }
    if (status == EntryStatus.SKIPPED
        ? reason == null
        : reason != null && !status.isFailure() && status != EntryStatus.QUEUED) {
      throw new IllegalArgumentException(
          stage
              + " "
              + key
              + ": a reason goes with 'skipped' (and may with 'failed', 'timed_out' or 'queued'),"
              + " not "
              + status);
    }
    if (status.isFailure() && log == null) {
      throw new IllegalArgumentException(stage + " " + key + ": a " + status.id() + " needs a log");
    }
    phases = Collections.unmodifiableMap(new LinkedHashMap<>(phases));
    if (!phases.isEmpty() && status != EntryStatus.BUILT) {
      throw new IllegalArgumentException(
          stage + " " + key + ": phase times go with 'built' only, not " + status);
    }
    if (inputs != null && status != EntryStatus.BUILT) {
      throw new IllegalArgumentException(
          stage + " " + key + ": build inputs go with 'built' only, not " + status);
    }
    if (host != null && (status != EntryStatus.BUILDING || host.isBlank())) {
      throw new IllegalArgumentException(
          stage + " " + key + ": a build host goes with 'building' only, not " + status);
    }
  }

  /** A transition without recorded build inputs and with no build host. */
  public Transition(
      StageName stage,
      EntryKey key,
      EntryStatus status,
      Artifact artifact,
      Path log,
      String reason,
      EntryKey cause,
      Map<String, Duration> phases) {
    this(stage, key, status, artifact, log, reason, cause, phases, null, null);
  }

  /** A transition without phase times: every state but a built one from a builder that has them. */
  public Transition(
      StageName stage,
      EntryKey key,
      EntryStatus status,
      Artifact artifact,
      Path log,
      String reason,
      EntryKey cause) {
    this(stage, key, status, artifact, log, reason, cause, Map.of());
  }

  public static Transition queued(StageName stage, EntryKey key) {
    return new Transition(stage, key, EntryStatus.QUEUED, null, null, null, null);
  }

  /** Queued, with why it will be built (e.g. {@code changed: plan.sh}). */
  public static Transition queued(StageName stage, EntryKey key, String why) {
    return new Transition(stage, key, EntryStatus.QUEUED, null, null, why, null);
  }

  public static Transition building(StageName stage, EntryKey key, Path log) {
    return new Transition(stage, key, EntryStatus.BUILDING, null, log, null, null);
  }

  /** Building on the named build host (a run over several hosts). */
  public static Transition building(StageName stage, EntryKey key, Path log, String host) {
    return new Transition(
        stage, key, EntryStatus.BUILDING, null, log, null, null, Map.of(), null, host);
  }

  public static Transition built(StageName stage, EntryKey key, Artifact artifact, Path log) {
    return new Transition(stage, key, EntryStatus.BUILT, artifact, log, null, null);
  }

  /** Built, with how long each phase of the build took. */
  public static Transition built(
      StageName stage, EntryKey key, Artifact artifact, Path log, Map<String, Duration> phases) {
    return new Transition(stage, key, EntryStatus.BUILT, artifact, log, null, null, phases);
  }

  /** Built, with how long each phase took and what the build was made from. */
  public static Transition built(
      StageName stage,
      EntryKey key,
      Artifact artifact,
      Path log,
      Map<String, Duration> phases,
      BuildInputs inputs) {
    return new Transition(
        stage, key, EntryStatus.BUILT, artifact, log, null, null, phases, inputs, null);
  }

  public static Transition failed(StageName stage, EntryKey key, Path log) {
    return new Transition(stage, key, EntryStatus.FAILED, null, log, null, null);
  }

  /**
   * The entry built, but its artifact fails the check its stage must pass before the next stage may
   * use it (after stage2: nothing refers to {@code /tools}); {@code log} is the build's log, where
   * the check's findings were appended.
   */
  public static Transition failedCheck(StageName stage, EntryKey key, Path log, String reason) {
    return new Transition(stage, key, EntryStatus.FAILED, null, log, reason, null);
  }

  /** The build failed; {@code why} is the builder's one line about it. */
  public static Transition failed(StageName stage, EntryKey key, Path log, String why) {
    return new Transition(stage, key, EntryStatus.FAILED, null, log, why, null);
  }

  public static Transition timedOut(StageName stage, EntryKey key, Path log) {
    return new Transition(stage, key, EntryStatus.TIMED_OUT, null, log, null, null);
  }

  /** The build was killed at a limit; {@code why} says which. */
  public static Transition timedOut(StageName stage, EntryKey key, Path log, String why) {
    return new Transition(stage, key, EntryStatus.TIMED_OUT, null, log, why, null);
  }

  /** Set aside because {@code cause} failed, timed out, or was set aside by the user. */
  public static Transition skipped(StageName stage, EntryKey key, EntryKey cause, String reason) {
    return new Transition(stage, key, EntryStatus.SKIPPED, null, null, reason, cause);
  }

  public static Transition skippedByUser(StageName stage, EntryKey key) {
    return new Transition(stage, key, EntryStatus.SKIPPED, null, null, BY_THE_USER, null);
  }
}
