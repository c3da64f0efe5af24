package kiln.orchestrator.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiln.orchestrator.Worlds;
import kiln.orchestrator.status.PlanStatus;
import kiln.orchestrator.status.RunStatus;
import kiln.orchestrator.status.StageStatus;
import kiln.resume.Attempt;
import kiln.resume.EntryState;
import kiln.resume.EntryStatus;
import kiln.resume.HostEvent;
import kiln.resume.Recovery;
import kiln.resume.StageName;
import kiln.stages.studio.BuildLimits;
import org.junit.jupiter.api.Test;

class TimelineTest {

  static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  static Timeline.Bar bar(String name, int from, int to) {
    return new Timeline.Bar(
        StageName.STAGE3, Worlds.key(name), 1, T0.plusSeconds(from), T0.plusSeconds(to), "built");
  }

  static List<List<String>> names(Timeline timeline) {
    return timeline.lanes().stream()
        .map(lane -> lane.bars().stream().map(b -> b.key().ident().name()).toList())
        .toList();
  }

  @Test
  void buildsOneAfterAnotherShareOneLane() {
    Timeline timeline =
        Timeline.inLanes(List.of(bar("c", 20, 30), bar("a", 0, 10), bar("b", 10, 20)), T0);
    assertEquals(List.of(List.of("a", "b", "c")), names(timeline));
    assertEquals(T0, timeline.start());
    assertEquals(T0.plusSeconds(30), timeline.end());
  }

  @Test
  void asManyLanesAsBuildsRanAtOnceEachBuildInTheFirstFreeLane() {
    // -j 2: a long build beside a run of short ones, then a third starting while both run; of
    // two starting together the shorter goes first
    Timeline timeline =
        Timeline.inLanes(
            List.of(
                bar("long", 0, 100),
                bar("s1", 0, 10),
                bar("s2", 10, 20),
                bar("s3", 20, 60),
                bar("third", 30, 40),
                bar("s4", 60, 70)),
            T0);
    assertEquals(
        List.of(List.of("s1", "s2", "s3", "s4"), List.of("long"), List.of("third")),
        names(timeline));
  }

  static Timeline.Bar on(String host, String name, int from, int to) {
    return new Timeline.Bar(
        StageName.STAGE3,
        Worlds.key(name),
        1,
        T0.plusSeconds(from),
        T0.plusSeconds(to),
        "built",
        host);
  }

  static List<String> labels(Timeline timeline) {
    return timeline.lanes().stream().map(Timeline.Lane::label).toList();
  }

  @Test
  void aSingleHostRunKeepsItsBuilderLanes() {
    Timeline timeline = Timeline.inLanes(List.of(bar("a", 0, 10), bar("b", 5, 20)), T0);
    assertEquals(List.of("builder 1", "builder 2"), labels(timeline));
  }

  @Test
  void aRunOverHostsHasOneLanePerHostSlotEachHostsBuildsInItsOwn() {
    // e1 (jobs 2) ran two at once; e2 one after another; the tools tarball ran on kiln's machine.
    // Packed by time alone, e2's c would have shared a lane with e1's a.
    Timeline timeline =
        Timeline.inLanes(
            List.of(
                bar("tools", 0, 5),
                on("e1", "a", 5, 30),
                on("e1", "b", 5, 15),
                on("e2", "c", 30, 40),
                on("e2", "d", 40, 50)),
            T0);
    assertEquals(List.of("builder 1", "e1 #1", "e1 #2", "e2"), labels(timeline));
    assertEquals(
        List.of(List.of("tools"), List.of("b"), List.of("a"), List.of("c", "d")), names(timeline));
    assertEquals(
        java.util.Arrays.asList(null, "e1", "e1", "e2"),
        timeline.lanes().stream().map(Timeline.Lane::host).toList());
  }

  @Test
  void aLostHostIsMarkedUntilItRejoinsAndAQuarantinedOneToTheEnd() {
    List<HostEvent> changes =
        List.of(
            new HostEvent("e2", HostEvent.Change.LOST, "ping: refused", T0.plusSeconds(12)),
            new HostEvent("e2", HostEvent.Change.REJOINED, null, T0.plusSeconds(25)),
            new HostEvent(
                "e1", HostEvent.Change.QUARANTINED, "it failed 4 of 6", T0.plusSeconds(30)));
    Timeline timeline =
        Timeline.inLanes(
            List.of(on("e1", "a", 0, 10), on("e2", "b", 0, 12), on("e2", "c", 30, 60)),
            changes,
            T0);
    assertEquals(
        List.of(
            new Timeline.HostMark(
                "e2", "lost", T0.plusSeconds(12), T0.plusSeconds(25), "ping: refused"),
            new Timeline.HostMark(
                "e1", "quarantined", T0.plusSeconds(30), T0.plusSeconds(60), "it failed 4 of 6")),
        timeline.marks());
  }

  @Test
  void noBuildsNoLanes() {
    Timeline none = Timeline.inLanes(List.of(), T0);
    assertEquals(List.of(), none.lanes());
    assertEquals(T0, none.start());
    assertEquals(T0, none.end());
  }

  @Test
  void aBuildRunningNowIsDrawnUpToNowAndOneCutOffByAStopAsAPoint() {
    Attempt open =
        new Attempt(1, T0.plusSeconds(5), null, Attempt.Outcome.BUILDING, null, Map.of());
    Attempt cut = new Attempt(1, T0, null, Attempt.Outcome.INTERRUPTED, null, Map.of());
    Attempt again =
        new Attempt(2, T0.plusSeconds(2), null, Attempt.Outcome.BUILDING, null, Map.of());
    RunStatus running = status(Optional.of(42L), List.of(open), List.of(cut, again));
    Instant now = T0.plusSeconds(65);
    Timeline live = Timeline.of(running, now);
    assertEquals(now, live.end());
    assertEquals(
        List.of("interrupted 0s", "building 1m3s", "building 1m"),
        live.lanes().stream()
            .flatMap(lane -> lane.bars().stream())
            .sorted(java.util.Comparator.comparing(Timeline.Bar::start))
            .map(b -> b.outcome() + " " + BuildLimits.format(b.duration()))
            .toList());

    // the same ledger when no kiln runs: those builds stopped when kiln did, at an unknown time
    Timeline stopped = Timeline.of(status(Optional.empty(), List.of(open), List.of(cut)), now);
    assertEquals(T0.plusSeconds(5), stopped.end());
    stopped
        .lanes()
        .forEach(lane -> lane.bars().forEach(b -> assertEquals(Duration.ZERO, b.duration())));
  }

  static RunStatus status(Optional<Long> pid, List<Attempt> first, List<Attempt> second) {
    List<PlanStatus> plans =
        List.of(
            new PlanStatus(Worlds.key("a"), state(first), List.of()),
            new PlanStatus(Worlds.key("b"), state(second), List.of()));
    StageStatus stage =
        new StageStatus(StageName.STAGE3, Map.of(EntryStatus.BUILDING, 2), 0, plans, List.of());
    return new RunStatus(
        "r1", Path.of("ledger"), pid, new Recovery(0, 0, List.of()), List.of(stage));
  }

  static EntryState state(List<Attempt> attempts) {
    return new EntryState(EntryStatus.BUILDING, null, null, null, null, attempts, null);
  }
}
