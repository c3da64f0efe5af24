package kiln.orchestrator.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import kiln.orchestrator.status.PlanStatus;
import kiln.orchestrator.status.RunStatus;
import kiln.orchestrator.status.StageStatus;
import kiln.resume.Attempt;
import kiln.resume.EntryKey;
import kiln.resume.StageName;

/**
 * Every build attempt of a run on a time axis, in lanes: the ledger does not record which builder
 * slot ran a build, so the lanes are derived from the times alone, greedily (each attempt, by
 * start, goes into the first lane that is free by then). With {@code -j N} that needs at most as
 * many lanes as builds ran at once, so a lane reads as one builder.
 *
 * @param start when the first attempt started ({@code now} when there is none)
 * @param end when the last one ended, or {@code now} for one still building
 * @param lanes the bars of each lane, by start
 */
record Timeline(Instant start, Instant end, List<List<Bar>> lanes) {

  /**
   * One attempt.
   *
   * @param end when it ended; for an attempt still building, {@code now}; for one cut off by a stop
   *     (no end recorded), its start
   */
  record Bar(
      StageName stage, EntryKey key, int attempt, Instant start, Instant end, String outcome) {

    Bar {
      Objects.requireNonNull(stage, "stage");
      Objects.requireNonNull(key, "key");
      if (end.isBefore(start)) {
        throw new IllegalArgumentException(key + " attempt " + attempt + " ends before it starts");
      }
    }

    Duration duration() {
      return Duration.between(start, end);
    }
  }

  Timeline {
    lanes = lanes.stream().map(List::copyOf).toList();
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
    return inLanes(bars, now);
  }

  static Timeline inLanes(List<Bar> bars, Instant now) {
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
    Instant start = byStart.isEmpty() ? now : byStart.get(0).start();
    Instant end = byStart.stream().map(Bar::end).max(Comparator.naturalOrder()).orElse(start);
    return new Timeline(start, end, lanes);
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
    return new Bar(stage, key, attempt.number(), attempt.started(), end, attempt.outcome().id());
  }
}
