package kiln.orchestrator;

import static kiln.orchestrator.Worlds.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiln.orchestrator.history.BuildHistory;
import kiln.orchestrator.progress.StageWatch;
import kiln.orchestrator.progress.StageWatchTest;
import kiln.resume.EntryStatus;
import kiln.resume.HostEvent;
import kiln.resume.StageName;
import kiln.resume.StageWork;
import org.junit.jupiter.api.Test;

/** What a log shows of a run: each build against its estimate, the stage's time and its ETA. */
class PlainProgressTest {

  static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
  static final StageWork WORLD = StageWatchTest.WORLD;
  static final BuildHistory HISTORY = StageWatchTest.HISTORY;

  final TickingClock clock = new TickingClock(T0, Duration.ZERO);
  final StringWriter text = new StringWriter();
  final Path log = Path.of("/work/logs/x.log");

  /**
   * hello took 31s of 30: the run's pace is 31/30, so zlib's 70s is 72.3s (41.3s left) and
   * libgreet's 50s 51.7s: 1m 33s; then zlib took 62s of 70: the pace is 93/100, libgreet 46.5s.
   */
  @Test
  void eachBuildIsToldAgainstItsEstimateWithTheStageTimeAndItsEta() {
    PlainProgress progress = new PlainProgress(new PrintWriter(text), clock, HISTORY);
    progress.stageStarted(WORLD, Map.of(), 2);
    progress.buildStarted(StageName.STAGE3, key("zlib"), log, 1);
    progress.buildStarted(StageName.STAGE3, key("hello"), log, 1);
    clock.set(T0.plusSeconds(31));
    progress.buildFinished(StageName.STAGE3, key("hello"), EntryStatus.BUILT, log, "");
    clock.set(T0.plusSeconds(62));
    progress.buildFinished(StageName.STAGE3, key("zlib"), EntryStatus.BUILT, log, "");
    progress.buildStarted(StageName.STAGE3, key("libgreet"), log, 1);
    clock.set(T0.plusSeconds(130));
    progress.buildFinished(StageName.STAGE3, key("libgreet"), EntryStatus.BUILT, log, "");
    progress.stageFinished(
        new StageResult(
            StageName.STAGE3, Map.of(EntryStatus.BUILT, 3), List.of(), Optional.empty(), false));
    assertEquals(
        """
        stage3: 3 plan(s), 0 already built or set aside; about 2m to build them
        [stage3 0/3] building t/zlib (estimate 1m 10s)
        [stage3 0/3] building t/hello (estimate 30s)
        [stage3 1/3] built t/hello in 31s (estimate 30s); stage3 31s in, about 1m 33s left
        [stage3 2/3] built t/zlib in 1m 2s (estimate 1m 10s); stage3 1m 2s in, about 47s left
        [stage3 2/3] building t/libgreet (estimate 50s)
        [stage3 3/3] built t/libgreet in 1m 8s (estimate 50s); stage3 2m 10s in
        stage3: 3 built, 0 failed, 0 skipped, 0 timed out, 0 pending in 2m 10s
        """,
        text.toString());
  }

  @Test
  void aHostsChangesAreToldOnTheDisplaysWriter() {
    PlainProgress progress = new PlainProgress(new PrintWriter(text), clock, HISTORY);
    progress.hostChanged(new HostEvent("e2", HostEvent.Change.LOST, "ping: refused", T0));
    progress.hostChanged(new HostEvent("e2", HostEvent.Change.REJOINED, null, T0));
    progress.hostChanged(
        new HostEvent("doomed", HostEvent.Change.QUARANTINED, "it failed 4 of its 6 builds", T0));
    assertEquals(
        """
        kiln: build host e2 is lost (ping: refused); its builds go to the other hosts, and it is \
        asked again with a growing back-off
        kiln: build host e2 answers again and takes builds
        kiln: build host doomed is quarantined: it failed 4 of its 6 builds; its plans go to the \
        other hosts. Look at its engine and its last build logs before the next run
        """,
        text.toString());
  }

  @Test
  void theLiveBlockShowsWhatEachHostBuilds() {
    LiveProgress live = new LiveProgress(new PrintWriter(text), clock, HISTORY);
    live.stageStarted(WORLD, Map.of(), 2);
    live.stageHosts(StageName.STAGE3, List.of("e1", "e2", "doomed"));
    live.buildPlaced(StageName.STAGE3, key("zlib"), "e1");
    live.buildStarted(StageName.STAGE3, key("zlib"), log, 1);
    live.hostChanged(new HostEvent("doomed", HostEvent.Change.LOST, "ping: refused", T0));
    String shown = text.toString();
    String lastBlock = shown.substring(shown.lastIndexOf("kiln: build host doomed is lost"));
    assertTrue(lastBlock.contains("\n  hosts: e1: t/zlib · e2: idle · doomed: lost\n"), lastBlock);
    assertTrue(lastBlock.contains("\n  building t/zlib 0:00/1:10\n"), lastBlock);
  }

  @Test
  void aBuildAtThreeTimesItsEstimateGetsALineOfItsOwnOnce() {
    PlainProgress progress = new PlainProgress(new PrintWriter(text), clock, HISTORY);
    progress.stageStarted(WORLD, Map.of(), 2);
    progress.buildStarted(StageName.STAGE3, key("zlib"), log, 1);
    clock.set(T0.plusSeconds(200));
    progress.tick();
    clock.set(T0.plusSeconds(215));
    progress.tick();
    clock.set(T0.plusSeconds(230));
    progress.tick();
    assertEquals(
        List.of(
            "[stage3 0/3] t/zlib has run 3m 35s, 3 times its estimate of 1m 10s: is it stuck?"
                + " (its log shows)"),
        text.toString().lines().filter(l -> l.contains("has run")).toList());
  }

  @Test
  void withNoHistoryTheLinesAreAsBeforePlusEachBuildsTime() {
    PlainProgress progress =
        new PlainProgress(new PrintWriter(text), clock, BuildHistory.of(List.of()));
    progress.stageStarted(WORLD, Map.of(), 2);
    progress.buildStarted(StageName.STAGE3, key("zlib"), log, 1);
    clock.set(T0.plusSeconds(75));
    progress.buildFinished(StageName.STAGE3, key("zlib"), EntryStatus.BUILT, log, "");
    assertEquals(
        """
        stage3: 3 plan(s), 0 already built or set aside
        [stage3 0/3] building t/zlib
        [stage3 1/3] built t/zlib in 1m 15s; stage3 1m 15s in
        """,
        text.toString());
  }

  @Test
  void aRunningBuildOnTheLiveBlockShowsItsTimeAgainstItsEstimate() {
    assertEquals(
        "t/zlib 0:42/1:10",
        LiveProgress.runningText(
            new StageWatch.RunningBuild(
                key("zlib"), Duration.ofSeconds(42), Optional.of(Duration.ofSeconds(70)), false)));
    assertEquals(
        "t/zlib 3:30/1:10  over 3x its estimate: stuck? (see its log)",
        LiveProgress.runningText(
            new StageWatch.RunningBuild(
                key("zlib"), Duration.ofSeconds(210), Optional.of(Duration.ofSeconds(70)), true)));
    assertEquals(
        "t/zlib 0:42",
        LiveProgress.runningText(
            new StageWatch.RunningBuild(
                key("zlib"), Duration.ofSeconds(42), Optional.empty(), false)));
  }
}
