package kiln.orchestrator.status;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiln.orchestrator.history.BuildHistory;
import kiln.orchestrator.history.Estimate;
import kiln.orchestrator.progress.StageWatch;
import kiln.resume.Attempt;
import kiln.resume.EntryKey;
import kiln.resume.EntryStatus;
import kiln.resume.RunState;
import kiln.resume.StageName;
import kiln.resume.StageState;
import kiln.resume.StageWork;

/**
 * The times {@code kiln status} shows beside the ledger's: each entry's estimate with its basis,
 * and while a kiln works on the run, the ETA of the stage it is building.
 *
 * @param now when the status was taken (a running build's time so far is up to it)
 * @param estimates per stage, each entry's estimate
 * @param eta the stage being built and how long it should still take; empty when no kiln runs,
 *     nothing is left, or nothing was ever built to estimate from
 */
public record StatusTiming(
    Instant now, Map<StageName, Map<EntryKey, Estimate>> estimates, Optional<Eta> eta) {

  /**
   * @param stage the stage being built
   * @param left how long it should still take
   */
  public record Eta(StageName stage, Duration left) {}

  /** No times: a status taken without a history. */
  public static final StatusTiming NONE =
      new StatusTiming(Instant.EPOCH, Map.of(), Optional.empty());

  public StatusTiming {
    Map<StageName, Map<EntryKey, Estimate>> copy = new EnumMap<>(StageName.class);
    estimates.forEach((s, m) -> copy.put(s, Map.copyOf(m)));
    estimates = copy.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(copy);
  }

  /** False for {@link #NONE}: no time was taken, so no build's time so far can be told. */
  public boolean taken() {
    return !Instant.EPOCH.equals(now);
  }

  /** An entry's estimate, {@link Estimate#NONE} when there is none. */
  public Estimate estimate(StageName stage, EntryKey key) {
    return estimates.getOrDefault(stage, Map.of()).getOrDefault(key, Estimate.NONE);
  }

  /**
   * The times of a replayed run.
   *
   * @param running true while a kiln works on the run: only then is there an ETA
   * @param builders how many builds run at once (kiln.yaml's {@code jobs}; at least as many as are
   *     building now)
   */
  public static StatusTiming of(
      RunState run, BuildHistory history, boolean running, int builders, Instant now) {
    Map<StageName, Map<EntryKey, Estimate>> estimates = new EnumMap<>(StageName.class);
    StageState current = null;
    for (StageState stage : run.stages().values()) {
      Map<EntryKey, Estimate> own = new LinkedHashMap<>();
      for (EntryKey key : stage.planSet()) {
        own.put(key, history.estimate(stage.stage(), key.ident()));
      }
      estimates.put(stage.stage(), own);
      if (stage.work().isPresent() && hasWorkLeft(stage)) {
        current = stage;
      }
    }
    Optional<Eta> eta =
        running && current != null ? eta(current, history, builders, now) : Optional.empty();
    return new StatusTiming(now, estimates, eta);
  }

  private static boolean hasWorkLeft(StageState stage) {
    return stage.planSet().stream()
        .map(k -> stage.entry(k).status())
        .anyMatch(s -> s == EntryStatus.QUEUED || s == EntryStatus.BUILDING);
  }

  private static Optional<Eta> eta(
      StageState stage, BuildHistory history, int builders, Instant now) {
    StageWork work = stage.work().orElseThrow();
    Map<EntryKey, EntryStatus> status = new HashMap<>();
    Map<EntryKey, Instant> building = new LinkedHashMap<>();
    for (EntryKey key : work.keys()) {
      var entry = stage.entry(key);
      List<Attempt> attempts = entry.attempts();
      if (entry.status() == EntryStatus.BUILDING && !attempts.isEmpty()) {
        building.put(key, attempts.get(attempts.size() - 1).started());
      } else {
        // building with no attempt cannot be; were it so, it is still to build
        status.put(
            key, entry.status() == EntryStatus.BUILDING ? EntryStatus.QUEUED : entry.status());
      }
    }
    StageWatch watch =
        new StageWatch(
            work, status, work.ordered() ? 1 : Math.max(builders, building.size()), history, now);
    building.forEach(watch::started);
    return watch.eta(now).map(left -> new Eta(stage.stage(), left));
  }
}
