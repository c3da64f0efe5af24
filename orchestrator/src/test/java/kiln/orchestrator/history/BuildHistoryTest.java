package kiln.orchestrator.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import kiln.orchestrator.EntryWeights;
import kiln.orchestrator.TickingClock;
import kiln.resume.Artifact;
import kiln.resume.EntryKey;
import kiln.resume.RunJournal;
import kiln.resume.StageName;
import kiln.resume.Transition;
import kiln.resume.WorkDirLock;
import kiln.world.PackageIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildHistoryTest {

  static final PackageIdent A = PackageIdent.parse("t/a");
  static final PackageIdent B = PackageIdent.parse("t/b");

  @TempDir Path work;
  static final Instant START = Instant.parse("2026-12-01T00:00:00Z");
  final TickingClock clock = new TickingClock(START, Duration.ZERO);

  @Test
  void keepsEverySuccessfulBuildAcrossNewRunsAndWeighsTheRecentMore() throws Exception {
    try (WorkDirLock lock = WorkDirLock.acquire(work)) {
      try (RunJournal first = RunJournal.startNew(lock, clock)) {
        build(first, StageName.STAGE3, "a", 0, 100, true);
        build(first, StageName.STAGE3, "b", 100, 130, false); // a failure is no duration
        build(first, StageName.STAGE3, "b", 200, 240, true);
      }
      try (RunJournal second = RunJournal.startNew(lock, clock)) {
        build(second, StageName.STAGE3, "a", 1000, 1200, true);
      }
    }
    BuildHistory history = BuildHistory.read(work);
    assertEquals(List.of(100.0, 200.0), history.builds(StageName.STAGE3, A));
    assertEquals(List.of(40.0), history.builds(StageName.STAGE3, B));
    Estimate a = history.estimate(StageName.STAGE3, A);
    assertEquals(Estimate.Basis.HISTORY, a.basis());
    assertEquals((200 + 0.5 * 100) / 1.5, a.seconds(), 1e-9, "the newest build weighs double");
    Estimate unknown = history.estimate(StageName.STAGE3, PackageIdent.parse("t/c"));
    assertEquals(new Estimate((a.seconds() + 40) / 2, Estimate.Basis.STAGE_MEDIAN), unknown);
    assertEquals("median", history.estimate(StageName.STAGE2, A).basis().label());
  }

  @Test
  void withoutAnyBuildEveryEntryCountsOneAsBefore() throws Exception {
    BuildHistory history = BuildHistory.read(work);
    assertTrue(history.isEmpty());
    assertEquals(Estimate.NONE, history.estimate(StageName.STAGE3, A));
    assertSame(EntryWeights.COUNT, history.weights());
  }

  @Test
  void theIdentIsThePlanWhateverTheVersionOrSettings() {
    BuildHistory history =
        BuildHistory.ofSeconds(StageName.STAGE3, java.util.Map.of(PackageIdent.parse("t/a"), 7.0));
    Estimate e = history.estimate(StageName.STAGE3, PackageIdent.parse("t/a/1.2.3"));
    assertEquals(new Estimate(7, Estimate.Basis.HISTORY), e);
  }

  private void build(RunJournal journal, StageName stage, String name, int from, int to, boolean ok)
      throws Exception {
    EntryKey key = EntryKey.parse("t/" + name);
    Path log = work.resolve(name + ".log");
    clock.set(START.plusSeconds(from));
    journal.record(Transition.building(stage, key, log));
    clock.set(START.plusSeconds(to));
    if (ok) {
      Path hart = Files.writeString(work.resolve(name + ".hart"), name);
      journal.record(Transition.built(stage, key, Artifact.of(hart), log));
    } else {
      journal.record(Transition.failed(stage, key, log, "broke"));
    }
  }
}
