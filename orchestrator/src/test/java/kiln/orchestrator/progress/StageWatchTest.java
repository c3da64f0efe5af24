package kiln.orchestrator.progress;

import static kiln.orchestrator.Worlds.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiln.orchestrator.Worlds;
import kiln.orchestrator.history.BuildHistory;
import kiln.resume.EntryStatus;
import kiln.resume.StageName;
import kiln.resume.StageWork;
import kiln.world.PackageIdent;
import org.junit.jupiter.api.Test;

/** A stage's clock on a set clock: the ETA, its updates, the run's pace and the overdue flag. */
public class StageWatchTest {

  static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

  /** zlib then libgreet (a chain of 70s + 50s), and hello (30s) beside them. */
  public static final StageWork WORLD =
      Worlds.world(
          """
          zlib
          libgreet : zlib
          hello
          """);

  public static final BuildHistory HISTORY =
      BuildHistory.ofSeconds(
          StageName.STAGE3,
          Map.of(
              PackageIdent.parse("t/zlib"), 70.0,
              PackageIdent.parse("t/libgreet"), 50.0,
              PackageIdent.parse("t/hello"), 30.0));

  @Test
  void theEtaIsTheSimulatedRestOfTheStageOnItsBuilders() {
    StageWatch two = new StageWatch(WORLD, Map.of(), 2, HISTORY, T0);
    assertEquals(Optional.of(Duration.ofSeconds(120)), two.eta(T0), "the chain; hello beside it");
    StageWatch one = new StageWatch(WORLD, Map.of(), 1, HISTORY, T0);
    assertEquals(Optional.of(Duration.ofSeconds(150)), one.eta(T0), "one after the other");
  }

  @Test
  void theEtaCountsDownAndIsWorkedOutAgainAsBuildsStartAndEnd() {
    StageWatch watch = new StageWatch(WORLD, Map.of(), 2, HISTORY, T0);
    watch.started(key("zlib"), T0);
    watch.started(key("hello"), T0);
    assertEquals(Optional.of(Duration.ofSeconds(100)), watch.eta(T0.plusSeconds(20)));
    assertEquals(Duration.ofSeconds(40), watch.finished(key("zlib"), EntryStatus.BUILT, at(40)));
    assertEquals(
        Optional.of(Duration.ofMillis(28_571)),
        watch.eta(at(40)),
        "zlib took 4/7 of its estimate: libgreet's 50s at that pace");
    assertEquals(Duration.ofSeconds(40), watch.elapsed(at(40)));
  }

  @Test
  void aBuildRunningPastItsEstimatePushesTheEtaBack() {
    StageWatch watch = new StageWatch(WORLD, Map.of(), 2, HISTORY, T0);
    watch.started(key("zlib"), T0);
    watch.started(key("hello"), T0);
    watch.finished(key("hello"), EntryStatus.BUILT, at(30));
    // zlib at 100s, past its 70s: taken as ending now, then libgreet's 50s
    assertEquals(Optional.of(Duration.ofSeconds(50)), watch.eta(at(100)));
  }

  @Test
  void onABusyMachineTheEtaFollowsTheStagesPace() {
    StageWatch watch = new StageWatch(WORLD, Map.of(), 1, HISTORY, T0);
    assertEquals(Optional.of(Duration.ofSeconds(150)), watch.eta(T0));
    watch.started(key("zlib"), T0);
    watch.finished(key("zlib"), EntryStatus.BUILT, at(140)); // twice its 70s
    assertEquals(
        Optional.of(Duration.ofSeconds(160)), watch.eta(at(140)), "libgreet and hello, twice");
    watch.started(key("hello"), at(140));
    watch.finished(key("hello"), EntryStatus.BUILT, at(140 + 3000)); // 100x: an odd build
    assertEquals(
        Optional.of(Duration.ofSeconds(500)), watch.eta(at(3140)), "libgreet at 10x, no more");
  }

  @Test
  void aFailureTakesWhatItBlocksOutOfTheEta() {
    StageWatch watch = new StageWatch(WORLD, Map.of(), 2, HISTORY, T0);
    watch.started(key("zlib"), T0);
    watch.finished(key("zlib"), EntryStatus.FAILED, at(10));
    watch.finished(key("libgreet"), EntryStatus.SKIPPED, at(10));
    assertEquals(Optional.of(Duration.ofSeconds(30)), watch.eta(at(10)), "only hello is left");
  }

  @Test
  void noHistoryNoEstimatesAndNoEta() {
    StageWatch watch = new StageWatch(WORLD, Map.of(), 2, BuildHistory.of(List.of()), T0);
    watch.started(key("zlib"), T0);
    assertEquals(Optional.empty(), watch.eta(at(5)));
    assertEquals(Optional.empty(), watch.estimate(key("zlib")));
    assertFalse(watch.running(at(5000)).get(0).overdue(), "nothing to be late against");
  }

  @Test
  void aBuildAtThreeTimesItsEstimateIsFlaggedOnce() {
    StageWatch watch = new StageWatch(WORLD, Map.of(), 2, HISTORY, T0);
    watch.started(key("zlib"), T0);
    watch.started(key("hello"), T0);
    watch.finished(key("hello"), EntryStatus.BUILT, at(30));
    StageWatch.RunningBuild zlib = watch.running(at(209)).get(0);
    assertEquals(Duration.ofSeconds(209), zlib.elapsed());
    assertEquals(Optional.of(Duration.ofSeconds(70)), zlib.estimate());
    assertFalse(zlib.overdue(), "209s is under 3 x 70s");
    assertEquals(List.of(key("zlib")), keys(watch.newlyOverdue(at(210))));
    assertTrue(watch.running(at(210)).get(0).overdue());
    assertEquals(List.of(), keys(watch.newlyOverdue(at(230))), "told once");
  }

  @Test
  void aQuickBuildIsFlaggedOnlyAfterAMinute() {
    StageWatch watch = new StageWatch(WORLD, Map.of(), 2, HISTORY, T0);
    watch.finished(key("zlib"), EntryStatus.BUILT, T0);
    watch.started(key("hello"), T0);
    assertEquals(List.of(), keys(watch.newlyOverdue(at(59))), "three times 30s, but not a minute");
    assertEquals(List.of(key("hello")), keys(watch.newlyOverdue(at(90))));
  }

  static Instant at(int seconds) {
    return T0.plusSeconds(seconds);
  }

  static List<kiln.resume.EntryKey> keys(List<StageWatch.RunningBuild> builds) {
    return builds.stream().map(StageWatch.RunningBuild::key).toList();
  }
}
