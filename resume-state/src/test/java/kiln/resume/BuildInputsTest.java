package kiln.resume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildInputsTest {

  static final StageName S3 = StageName.STAGE3;
  static final EntryKey ZLIB = EntryKey.parse("demo/zlib");

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
  void theDigestDependsOnEveryPartAndNotOnTheirOrder() {
    BuildInputs a = BuildInputs.of(Map.of("file:plan.sh", "aa", "var:FIRST_PASS", "true"));
    BuildInputs same = BuildInputs.of(Map.of("var:FIRST_PASS", "true", "file:plan.sh", "aa"));
    BuildInputs other = BuildInputs.of(Map.of("file:plan.sh", "ab", "var:FIRST_PASS", "true"));
    assertEquals(a, same);
    assertNotEquals(a.digest(), other.digest());
    assertEquals(List.of("file:plan.sh"), other.changedSince(a));
    BuildInputs patched =
        BuildInputs.of(
            Map.of("file:plan.sh", "aa", "file:x.patch", "cc", "var:FIRST_PASS", "true"));
    assertEquals(List.of("file:x.patch"), patched.changedSince(a));
    assertEquals(List.of("file:x.patch"), a.changedSince(patched), "gone counts too");
  }

  @Test
  void theInputsOfABuildAreReplayedWithIt() throws Exception {
    Artifact artifact = Artifact.of(Files.writeString(work.resolve("zlib.hart"), "zlib"));
    BuildInputs inputs =
        BuildInputs.of(Map.of("file:plan.sh", "aa", "dep:demo/glibc", "bb", "program", "cc"));
    try (RunJournal journal = RunJournal.resume(lock, Clock.systemUTC())) {
      journal.record(Transition.building(S3, ZLIB, work.resolve("zlib.log")));
      journal.record(
          Transition.built(S3, ZLIB, artifact, work.resolve("zlib.log"), Map.of(), inputs));
    }
    EntryState zlib = RunJournal.read(work).orElseThrow().stage(S3).entry(ZLIB);
    assertEquals(Optional.of(inputs), zlib.inputsIfRecorded());
    try (RunJournal journal = RunJournal.resume(lock, Clock.systemUTC())) {
      journal.record(Transition.queued(S3, ZLIB));
    }
    assertEquals(
        Optional.empty(),
        RunJournal.read(work).orElseThrow().stage(S3).entry(ZLIB).inputsIfRecorded(),
        "queued again: the inputs went with the build");
  }

  @Test
  void aLedgerWrittenBeforeInputsWereRecordedReplaysWithoutThem() throws Exception {
    String run = "20261121T130410Z-a2e7";
    Path dir = Files.createDirectories(RunJournal.ledgerDir(work));
    try (InputStream old = getClass().getResourceAsStream("ledger-without-times.jsonl")) {
      Files.copy(old, dir.resolve(run + ".jsonl"));
    }
    Files.writeString(dir.resolve("current"), run + "\n");
    RunState state = RunJournal.read(work).orElseThrow();
    assertTrue(state.recovery().clean(), state.recovery().describe("the ledger"));
    EntryState zlib = state.stage(S3).entry(ZLIB);
    assertEquals(EntryStatus.BUILT, zlib.status());
    assertEquals(Optional.empty(), zlib.inputsIfRecorded());
  }
}
