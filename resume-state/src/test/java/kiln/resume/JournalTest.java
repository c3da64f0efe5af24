package kiln.resume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import kiln.world.PackageIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

  static final StageName S3 = StageName.STAGE3;
  static final EntryKey ZLIB = EntryKey.parse("demo/zlib");
  static final EntryKey CURL = EntryKey.parse("demo/curl");
  static final EntryKey PATCHELF1 = EntryKey.parse("demo/patchelf FIRST_PASS=true");
  static final EntryKey PATCHELF = EntryKey.parse("demo/patchelf");

  @TempDir Path work;
  WorkDirLock lock;

  @BeforeEach
  void lock() throws Exception {
    lock = WorkDirLock.acquire(work);
  }

  @AfterEach
  void unlock() throws IOException {
    lock.close();
  }

  @Test
  void replaysTheChecksBeforeAHandOverAndAFailureTheyFound() throws Exception {
    StageName s2 = StageName.STAGE2;
    try (RunJournal journal = RunJournal.resume(lock, Clock.systemUTC())) {
      journal.recordCheckPassed(s2, List.of("aa11", "bb22"));
      journal.record(
          Transition.failedCheck(s2, ZLIB, work.resolve("zlib.1.log"), "refers to /tools"));
      assertEquals(Set.of("aa11", "bb22"), journal.state().stage(s2).checked());
    }
    try (RunJournal journal = RunJournal.resume(lock, Clock.systemUTC())) {
      journal.recordCheckPassed(s2, List.of("cc33"));
    }
    RunState state = RunJournal.read(work).orElseThrow();
    assertTrue(state.recovery().clean());
    assertEquals(Set.of("aa11", "bb22", "cc33"), state.stage(s2).checked());
    EntryState zlib = state.stage(s2).entry(ZLIB);
    assertEquals(EntryStatus.FAILED, zlib.status());
    assertEquals("refers to /tools", zlib.reason());
    assertEquals(work.resolve("zlib.1.log"), zlib.log());
  }

  @Test
  void replaysEveryKindOfTransition() throws Exception {
    Path artifactFile = Files.writeString(work.resolve("zlib.hart"), "zlib");
    Artifact artifact = Artifact.of(artifactFile);
    String runId;
    try (RunJournal journal = RunJournal.resume(lock, Clock.systemUTC())) {
      runId = journal.runId();
      journal.record(Transition.queued(S3, ZLIB));
      journal.record(Transition.building(S3, ZLIB, work.resolve("zlib.log")));
      journal.record(Transition.built(S3, ZLIB, artifact, work.resolve("zlib.log")));
      journal.record(Transition.failed(S3, PATCHELF1, work.resolve("p1.log")));
      journal.record(
          Transition.skipped(S3, CURL, PATCHELF1, "demo/patchelf FIRST_PASS=true failed"));
      journal.record(Transition.timedOut(StageName.STAGE1, PATCHELF, work.resolve("p.log")));
    }
    RunState state = RunJournal.read(work).orElseThrow();
    assertEquals(runId, state.runId());
    assertTrue(state.recovery().clean());
    StageState s3 = state.stage(S3);
    assertEquals(EntryStatus.BUILT, s3.entry(ZLIB).status());
    assertEquals(artifact, s3.entry(ZLIB).artifact());
    assertEquals(1, s3.entry(ZLIB).attemptCount());
    assertEquals(EntryStatus.FAILED, s3.entry(PATCHELF1).status());
    assertEquals(EntryStatus.QUEUED, s3.entry(PATCHELF).status(), "two entries, one ident");
    assertEquals(PATCHELF1, s3.entry(CURL).cause());
    assertEquals(List.of(CURL), s3.blockedBy(PATCHELF1));
    assertEquals(EntryStatus.TIMED_OUT, state.stage(StageName.STAGE1).entry(PATCHELF).status());
  }

  @Test
  void resumingGoesOnWithTheSameRun() throws Exception {
    String first;
    try (RunJournal journal = RunJournal.resume(lock, Clock.systemUTC())) {
      first = journal.runId();
      journal.record(Transition.failed(S3, ZLIB, work.resolve("zlib.log")));
    }
    try (RunJournal journal = RunJournal.resume(lock, Clock.systemUTC())) {
      assertEquals(first, journal.runId());
      assertEquals(EntryStatus.FAILED, journal.entry(S3, ZLIB).status());
    }
    try (RunJournal journal = RunJournal.startNew(lock, Clock.systemUTC())) {
      assertFalse(first.equals(journal.runId()));
      assertEquals(EntryStatus.QUEUED, journal.entry(S3, ZLIB).status());
    }
  }

  @Test
  void recordsTheStageShapeOnceAndReadsItBack() throws Exception {
    StageWork work3 =
        new StageWork(
            S3,
            List.of(
                StageEntry.of(ZLIB, "plans/zlib"),
                new StageEntry(CURL, "plans/curl", Set.of(ZLIB))),
            false);
    try (RunJournal journal = RunJournal.resume(lock, Clock.systemUTC())) {
      journal.recordStage(work3);
      journal.recordStage(work3);
    }
    assertEquals(2, lines().size(), "the run, then the stage once: " + lines());
    StageState s3 = RunJournal.read(work).orElseThrow().stage(S3);
    assertEquals(work3, s3.work().orElseThrow());
    assertEquals(List.of(CURL), work3.transitiveDependents(ZLIB));
    assertEquals(2, s3.counts().get(EntryStatus.QUEUED));
  }

  @Test
  void dropsATornLastRecordWithANoteAndGoesOn() throws Exception {
    try (RunJournal journal = RunJournal.resume(lock, Clock.systemUTC())) {
      journal.record(Transition.failed(S3, ZLIB, work.resolve("zlib.log")));
      journal.record(Transition.queued(S3, CURL));
    }
    String last = lines().get(lines().size() - 1);
    truncateBy(last.length() / 2 + 1); // cut the last record in half, newline included

    RunState seen = RunJournal.read(work).orElseThrow();
    assertEquals(3, seen.recovery().tornTail());
    assertEquals(EntryStatus.QUEUED, seen.stage(S3).entry(CURL).status(), "queued never landed");
    assertTrue(seen.recovery().describe("L").contains("torn last record"));

    try (RunJournal journal = RunJournal.resume(lock, Clock.systemUTC())) {
      assertEquals(3, journal.recovery().tornTail());
      journal.record(Transition.building(S3, CURL, work.resolve("curl.log")));
    }
    RunState after = RunJournal.read(work).orElseThrow();
    assertTrue(after.recovery().clean(), "the torn bytes were cut off: " + after.recovery());
    assertEquals(EntryStatus.BUILDING, after.stage(S3).entry(CURL).status());
    assertEquals(EntryStatus.FAILED, after.stage(S3).entry(ZLIB).status());
  }

  @Test
  void reportsDamageInTheMiddleAndKeepsWhatSurvived() throws Exception {
    try (RunJournal journal = RunJournal.resume(lock, Clock.systemUTC())) {
      journal.record(Transition.failed(S3, ZLIB, work.resolve("zlib.log")));
      journal.record(Transition.queued(S3, CURL));
      journal.record(Transition.failed(S3, PATCHELF, work.resolve("p.log")));
    }
    List<String> lines = new ArrayList<>(lines());
    lines.set(1, lines.get(1).replace("failed", "built!")); // line 2: a flipped byte or an edit
    Files.write(ledger(), lines);

    RunState seen = RunJournal.read(work).orElseThrow();
    assertEquals(List.of(2), seen.recovery().damagedLines());
    assertEquals(3, seen.recovery().records());
    assertTrue(seen.recovery().describe("L").contains("line(s) [2], recovered 3"));

    try (RunJournal journal = RunJournal.resume(lock, Clock.systemUTC())) {
      assertEquals(List.of(2), journal.recovery().damagedLines());
      assertEquals(EntryStatus.QUEUED, journal.entry(S3, ZLIB).status(), "its record was lost");
      assertEquals(EntryStatus.FAILED, journal.entry(S3, PATCHELF).status());
    }
    try (var files = Files.list(RunJournal.ledgerDir(work))) {
      assertEquals(1, files.filter(f -> f.toString().contains(".damaged-")).count());
    }
    assertTrue(RunJournal.read(work).orElseThrow().recovery().clean(), "rewritten clean");
  }

  @Test
  void everyLineIsPlainJsonWithAChecksum() throws Exception {
    try (RunJournal journal = RunJournal.resume(lock, Clock.systemUTC())) {
      journal.record(Transition.skippedByUser(S3, EntryKey.of(PackageIdent.of("demo", "x"))));
    }
    String line = lines().get(1);
    assertTrue(line.startsWith("{\"seq\":2,\"at\":\""), line);
    assertTrue(
        line.matches(
            ".*\"kind\":\"plan\",\"stage\":\"stage3\",\"ident\":\"demo/x\",\"args\":\"\","
                + "\"status\":\"skipped\",\"reason\":\"by the user\",\"crc\":\"[0-9a-f]{8}\"}"),
        line);
  }

  private Path ledger() throws IOException {
    String run = Files.readString(RunJournal.ledgerDir(work).resolve("current")).trim();
    return RunJournal.ledgerDir(work).resolve(run + ".jsonl");
  }

  private List<String> lines() throws IOException {
    return Files.readAllLines(ledger(), StandardCharsets.UTF_8);
  }

  private void truncateBy(int bytes) throws IOException {
    try (var channel = java.nio.channels.FileChannel.open(ledger(), StandardOpenOption.WRITE)) {
      channel.truncate(channel.size() - bytes);
    }
  }
}
