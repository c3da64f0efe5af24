package kiln.resume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HookRunsTest {

  static final StageName S2 = StageName.STAGE2;
  static final EntryKey ZLIB = EntryKey.parse("demo/zlib");

  @TempDir Path work;

  @Test
  void aStageHooksRunsAreReplayedLatestLastWithWhatChangedSince() throws Exception {
    Path log = work.resolve("before-stage.1.log");
    Path after = work.resolve("after-stage.1.log");
    try (WorkDirLock lock = WorkDirLock.acquire(work);
        RunJournal journal = RunJournal.resume(lock, Clock.systemUTC())) {
      journal.recordHook(HookRun.running(S2, "before-stage", log));
      journal.recordHook(HookRun.done(S2, "before-stage", log));
      journal.record(Transition.building(S2, ZLIB, work.resolve("zlib.1.log")));
      journal.recordHook(HookRun.running(S2, "after-stage", after));
      journal.recordHook(HookRun.ended(S2, "after-stage", HookStatus.FAILED, after, "exit code 3"));
    }
    try (WorkDirLock lock = WorkDirLock.acquire(work);
        RunJournal journal = RunJournal.resume(lock, Clock.systemUTC())) {
      StageHookRuns runs = journal.hooks(S2);
      assertEquals(
          List.of("before-stage", "after-stage"),
          runs.latest().stream().map(HookRun::hook).toList());
      assertEquals(HookStatus.DONE, runs.latest("before-stage").orElseThrow().status());
      HookRun failed = runs.latest("after-stage").orElseThrow();
      assertEquals(
          HookRun.ended(S2, "after-stage", HookStatus.FAILED, after, "exit code 3"), failed);
      assertTrue(runs.ranAfter("after-stage", "before-stage"));
      assertFalse(runs.ranAfter("before-stage", "after-stage"));
      assertTrue(runs.stageChangedSince("before-stage"), "zlib started after it");
      assertFalse(runs.stageChangedSince("after-stage"));
      assertEquals(StageHookRuns.NONE, journal.hooks(StageName.STAGE3));

      journal.recordHook(HookRun.running(S2, "before-stage", log));
      assertTrue(journal.hooks(S2).ranAfter("before-stage", "after-stage"));
      assertFalse(journal.hooks(S2).stageChangedSince("before-stage"));
      journal.record(Transition.queued(S2, ZLIB));
      assertTrue(journal.hooks(S2).stageChangedSince("after-stage"));
    }
  }

  @Test
  void aHookRecordCutShortByAKillIsDroppedAndTheRunBeforeItStands() throws Exception {
    Path log = work.resolve("after-stage.1.log");
    Path ledger;
    try (WorkDirLock lock = WorkDirLock.acquire(work);
        RunJournal journal = RunJournal.resume(lock, Clock.systemUTC())) {
      journal.recordHook(HookRun.running(S2, "after-stage", log));
      ledger = journal.file();
    }
    String done =
        JournalCodec.hook(99, java.time.Instant.now(), HookRun.done(S2, "after-stage", log));
    Files.writeString(ledger, done.substring(0, done.length() / 2), StandardOpenOption.APPEND);
    try (WorkDirLock lock = WorkDirLock.acquire(work);
        RunJournal journal = RunJournal.resume(lock, Clock.systemUTC())) {
      assertTrue(journal.recovery().tornTail() > 0, journal.recovery().describe("ledger"));
      assertEquals(
          HookStatus.RUNNING, journal.hooks(S2).latest("after-stage").orElseThrow().status());
    }
  }

  @Test
  void aReasonGoesWithAFailedRunOnly() {
    Path log = work.resolve("x.log");
    assertThrows(
        IllegalArgumentException.class,
        () -> new HookRun(S2, "after-stage", HookStatus.DONE, log, "why"));
    assertThrows(
        IllegalArgumentException.class,
        () -> new HookRun(S2, "after-stage", HookStatus.TIMED_OUT, log, null));
    assertThrows(
        IllegalArgumentException.class,
        () -> new HookRun(S2, "After Stage", HookStatus.DONE, log, null));
  }
}
