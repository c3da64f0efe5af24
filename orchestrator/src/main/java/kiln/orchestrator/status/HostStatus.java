package kiln.orchestrator.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import kiln.resume.Attempt;
import kiln.resume.EntryKey;
import kiln.resume.HostEvent;
import kiln.resume.RunState;
import kiln.resume.StageState;

/**
 * One build host in {@code kiln status} (a run over kiln.yaml's {@code hosts}): where it stands in
 * the latest kiln session, and what it built in the run.
 *
 * @param name the host's name
 * @param state idle, building, lost or quarantined
 * @param building what it builds now (while a kiln runs), in start order
 * @param since when it was lost or quarantined; null otherwise
 * @param why why it was lost or quarantined; null otherwise
 * @param built its attempts that built, over the run
 * @param failed its attempts that failed or timed out, over the run (cut-off ones are no verdict)
 */
public record HostStatus(
    String name,
    State state,
    List<EntryKey> building,
    Instant since,
    String why,
    int built,
    int failed) {

  /** Where a host stands. */
  public enum State {
    IDLE,
    BUILDING,
    LOST,
    QUARANTINED;

    /** The name every rendering uses, e.g. {@code quarantined}. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public HostStatus {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(state, "state");
    building = List.copyOf(building);
    boolean out = state == State.LOST || state == State.QUARANTINED;
    if (out != (since != null)) {
      throw new IllegalArgumentException(name + ": a time goes with lost and quarantined only");
    }
  }

  /**
   * The hosts of a replayed run, by name: each host an attempt ran on or the ledger has a change
   * of. Empty for a run on the one local studio.
   *
   * @param running true while a kiln works on the run: an attempt with no end builds now (else kiln
   *     stopped during it, and nothing builds)
   */
  static List<HostStatus> of(RunState run, boolean running) {
    Map<String, Tally> hosts = new TreeMap<>();
    for (StageState stage : run.stages().values()) {
      for (EntryKey key : stage.keys()) {
        for (Attempt attempt : stage.entry(key).attempts()) {
          if (attempt.host() != null) {
            hosts.computeIfAbsent(attempt.host(), h -> new Tally()).count(key, attempt, running);
          }
        }
      }
    }
    run.hosts().events().forEach(e -> hosts.computeIfAbsent(e.host(), h -> new Tally()));
    Map<String, HostEvent> latest = run.hosts().latest();
    List<HostStatus> all = new ArrayList<>();
    hosts.forEach((name, tally) -> all.add(tally.status(name, latest.get(name))));
    return all;
  }

  /** One host's attempts, counted. */
  private static final class Tally {
    final java.util.TreeMap<Instant, List<EntryKey>> runningSince = new java.util.TreeMap<>();
    int built;
    int failed;

    void count(EntryKey key, Attempt attempt, boolean kilnRuns) {
      switch (attempt.outcome()) {
        case BUILT -> built++;
        case FAILED, TIMED_OUT -> failed++;
        case BUILDING -> {
          if (kilnRuns) {
            runningSince.computeIfAbsent(attempt.started(), t -> new ArrayList<>()).add(key);
          }
        }
        case INTERRUPTED -> {
          // cut off: no verdict on the plan, nor on the host
        }
      }
    }

    HostStatus status(String name, HostEvent latest) {
      List<EntryKey> now = runningSince.values().stream().flatMap(List::stream).toList();
      if (latest != null && latest.change() != HostEvent.Change.REJOINED) {
        State state = latest.change() == HostEvent.Change.LOST ? State.LOST : State.QUARANTINED;
        return new HostStatus(name, state, now, latest.at(), latest.reason(), built, failed);
      }
      State state = now.isEmpty() ? State.IDLE : State.BUILDING;
      return new HostStatus(name, state, now, null, null, built, failed);
    }
  }
}
