package kiln.orchestrator.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import kiln.orchestrator.status.PlanStatus;
import kiln.orchestrator.status.RunStatus;
import kiln.orchestrator.status.StageStatus;
import kiln.resume.Attempt;
import kiln.resume.EntryKey;
import kiln.resume.HostEvent;
import kiln.resume.StageName;

/**
 * Every build attempt of a run on a time axis, in lanes. A run on the one local studio has one lane
 * per builder, derived from the times alone, greedily (each attempt, by start, goes into the first
 * lane that is free by then): with {@code -j N} that needs at most as many lanes as builds ran at
 * once, so a lane reads as one builder. A run over build hosts has one lane per host slot: each
 * host's attempts (the ledger names the host of each) packed the same way among that host's lanes,
 * so a host of {@code jobs: 2} has at most two. The times a host was lost or quarantined are marked
 * on its lanes.
 *
 * @param start when the first attempt started ({@code now} when there is none)
 * @param end when the last one ended, or {@code now} for one still building
 * @param lanes the lanes, local builders first, then each host's by name and slot
 * @param marks the spans a host was lost or quarantined, within {@code start} and {@code end}
 */
record Timeline(Instant start, Instant end, List<Lane> lanes, List<HostMark> marks) {

  /**
   * One attempt.
   *
   * @param end when it ended; for an attempt still building, {@code now}; for one cut off by a stop
   *     (no end recorded), its start
   * @param host the build host it ran on; null on the local studio
   */
  record Bar(
      StageName stage,
      EntryKey key,
      int attempt,
      Instant start,
      Instant end,
      String outcome,
      String host) {

    Bar {
      Objects.requireNonNull(stage, "stage");
      Objects.requireNonNull(key, "key");
      if (end.isBefore(start)) {
        throw new IllegalArgumentException(key + " attempt " + attempt + " ends before it starts");
      }
    }

    /** An attempt on the local studio. */
    Bar(StageName stage, EntryKey key, int attempt, Instant start, Instant end, String outcome) {
      this(stage, key, attempt, start, end, outcome, null);
    }

    Duration duration() {
      return Duration.between(start, end);
    }
  }

  /**
   * One lane: a local builder ({@code builder 2}) or a host's slot ({@code e1 #2}, or {@code e1}
   * for a host that never ran two builds at once).
   *
   * @param host the build host; null for a local builder
   */
  record Lane(String label, String host, List<Bar> bars) {
    Lane {
      bars = List.copyOf(bars);
    }
  }

  /** A span of a host's time out of the run: {@code change} is lost or quarantined. */
  record HostMark(String host, String change, Instant from, Instant to, String why) {}

  Timeline {
    lanes = List.copyOf(lanes);
    marks = List.copyOf(marks);
  }

  /**
   * The attempts of {@code status}; a build still running (while a kiln works on the run) is drawn
   * up to {@code now}.
   */
  static Timeline of(RunStatus status, Instant now) {
    List<Bar> bars = new ArrayList<>();
    for (StageStatus stage : status.stages()) {
      for (PlanStatus plan : stage.plans()) {
        for (Attempt attempt : plan.state().attempts()) {
          bars.add(bar(stage.stage(), plan.key(), attempt, now, status.running()));
        }
      }
    }
    return inLanes(bars, status.hostChanges(), now);
  }

  static Timeline inLanes(List<Bar> bars, Instant now) {
    return inLanes(bars, List.of(), now);
  }

  static Timeline inLanes(List<Bar> bars, List<HostEvent> changes, Instant now) {
    Map<String, List<Bar>> byHost = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
    bars.forEach(bar -> byHost.computeIfAbsent(bar.host(), h -> new ArrayList<>()).add(bar));
    List<Lane> lanes = new ArrayList<>();
    byHost.forEach(
        (host, ofHost) -> {
          List<List<Bar>> packed = packed(ofHost);
          for (int slot = 0; slot < packed.size(); slot++) {
            String label =
                host == null
                    ? "builder " + (slot + 1)
                    : packed.size() == 1 ? host : host + " #" + (slot + 1);
            lanes.add(new Lane(label, host, packed.get(slot)));
          }
        });
    Instant start = bars.stream().map(Bar::start).min(Comparator.naturalOrder()).orElse(now);
    Instant end = bars.stream().map(Bar::end).max(Comparator.naturalOrder()).orElse(start);
    return new Timeline(start, end, lanes, marks(changes, start, end));
  }

  /** Each bar, by start, into the first lane free by then. */
  private static List<List<Bar>> packed(List<Bar> bars) {
    List<Bar> byStart =
        bars.stream().sorted(Comparator.comparing(Bar::start).thenComparing(Bar::end)).toList();
    List<List<Bar>> lanes = new ArrayList<>();
    List<Instant> freeAt = new ArrayList<>();
    for (Bar bar : byStart) {
      int lane = 0;
      while (lane < lanes.size() && freeAt.get(lane).isAfter(bar.start())) {
        lane++;
      }
      if (lane == lanes.size()) {
        lanes.add(new ArrayList<>());
        freeAt.add(bar.end());
      }
      lanes.get(lane).add(bar);
      freeAt.set(lane, bar.end());
    }
    return lanes;
  }

  /**
   * A lost or quarantined host's span: from its change to its next one (a rejoin, say), else to the
   * end of the drawing; cut to the drawing's time.
   */
  private static List<HostMark> marks(List<HostEvent> changes, Instant start, Instant end) {
    List<HostMark> marks = new ArrayList<>();
    for (int i = 0; i < changes.size(); i++) {
      HostEvent change = changes.get(i);
      if (change.change() == HostEvent.Change.REJOINED) {
        continue;
      }
      Instant to = end;
      for (HostEvent later : changes.subList(i + 1, changes.size())) {
        if (later.host().equals(change.host())) {
          to = later.at();
          break;
        }
      }
      Instant from = change.at().isBefore(start) ? start : change.at();
      if (to.isAfter(end)) {
        to = end;
      }
      if (!from.isAfter(to)) {
        marks.add(new HostMark(change.host(), change.change().id(), from, to, change.reason()));
      }
    }
    return marks;
  }

  private static Bar bar(
      StageName stage, EntryKey key, Attempt attempt, Instant now, boolean running) {
    // an attempt without an end runs now only while a kiln works on the run; otherwise kiln
    // stopped during it, at a time the ledger does not know
    boolean runsNow = running && attempt.outcome() == Attempt.Outcome.BUILDING;
    Instant end = attempt.endedIfKnown().orElse(runsNow ? now : attempt.started());
    if (end.isBefore(attempt.started())) {
      end = attempt.started(); // a clock set back: drawn as a point rather than refused
    }
    return new Bar(
        stage,
        key,
        attempt.number(),
        attempt.started(),
        end,
        attempt.outcome().id(),
        attempt.host());
  }
}
