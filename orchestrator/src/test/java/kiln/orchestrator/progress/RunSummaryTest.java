package kiln.orchestrator.progress;

import static kiln.orchestrator.Worlds.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import kiln.orchestrator.TickingClock;
import kiln.orchestrator.Worlds;
import kiln.resume.Artifact;
import kiln.resume.EntryKey;
import kiln.resume.RunJournal;
import kiln.resume.RunState;
import kiln.resume.StageName;
import kiln.resume.StageWork;
import kiln.resume.Transition;
import kiln.resume.WorkDirLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code kiln bootstrap} prints at its end, from a ledger written on a set clock. */
class RunSummaryTest {

  static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

  @TempDir Path work;
  final TickingClock clock = new TickingClock(T0, Duration.ZERO);

  @Test
  void countsPerStageTheLongestBuildsAndTheCriticalPathWithTimes() throws Exception {
    StageWork base =
        Worlds.baseList(
            StageName.STAGE2,
            """
            glibc
            bash : glibc
            """);
    StageWork world =
        Worlds.world(
            """
            zlib
            libgreet : zlib
            hello
            banner : libgreet
            xz
            motd : hello
            """);
    RunState run;
    try (WorkDirLock lock = WorkDirLock.acquire(work);
        RunJournal journal = RunJournal.startNew(lock, clock)) {
      journal.recordStage(base);
      build(journal, StageName.STAGE2, "glibc", 0, 5);
      build(journal, StageName.STAGE2, "bash", 5, 95);
      journal.recordStage(world);
      build(journal, StageName.STAGE3, "zlib", 100, 170);
      build(journal, StageName.STAGE3, "hello", 100, 130);
      build(journal, StageName.STAGE3, "libgreet", 170, 220);
      fail(journal, StageName.STAGE3, "xz", 130, 400);
      clock.set(T0.plusSeconds(400));
      journal.record(
          Transition.skipped(StageName.STAGE3, key("motd"), key("hello"), "for the test"));
      build(journal, StageName.STAGE3, "banner", 220, 225);
      run = journal.state();
    }
    RunSummary summary = RunSummary.of(run, Duration.ofSeconds(431));
    assertEquals(
        """
        summary of run %s:
          stage2: 2 built, 0 failed, 0 skipped, 0 timed out in 1m 35s
          stage3: 4 built, 1 failed, 1 skipped, 0 timed out in 5m
          total: 7m 11s for this kiln
          longest builds:
            1m 30s  stage2 t/bash
            1m 10s  stage3 t/zlib
            50s  stage3 t/libgreet
            30s  stage3 t/hello
            5s  stage2 t/glibc
          critical path of stage3 (2m 5s): t/zlib 1m 10s -> t/libgreet 50s -> t/banner 5s
        """
            .formatted(run.runId()),
        summary.text());
    assertEquals(
        Optional.of(Duration.ofSeconds(300)), RunSummary.wallTime(run.stage(StageName.STAGE3)));
    String resumed = RunSummary.of(run, Duration.ofSeconds(11)).text();
    assertTrue(
        resumed.contains(
            "  total: 11s for this kiln, 6m 40s from the run's first build to its last\n"),
        "a kiln that resumed a finished run: " + resumed);
  }

  private void build(RunJournal journal, StageName stage, String name, int from, int to)
      throws Exception {
    attempt(journal, stage, name, from, to, true);
  }

  private void fail(RunJournal journal, StageName stage, String name, int from, int to)
      throws Exception {
    attempt(journal, stage, name, from, to, false);
  }

  private void attempt(
      RunJournal journal, StageName stage, String name, int from, int to, boolean built)
      throws Exception {
    EntryKey key = key(name);
    Path log = work.resolve(name + ".log");
    clock.set(T0.plusSeconds(from));
    journal.record(Transition.building(stage, key, log));
    clock.set(T0.plusSeconds(to));
    if (built) {
      Path hart = Files.writeString(work.resolve(stage.id() + name + ".hart"), name);
      journal.record(Transition.built(stage, key, Artifact.of(hart), log));
    } else {
      journal.record(Transition.failed(stage, key, log, "broke"));
    }
  }
}
