package kiln.resume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each entry's attempts, with their times, as the ledger replays them. */
class AttemptsTest {

  static final StageName S3 = StageName.STAGE3;
  static final EntryKey ZLIB = EntryKey.parse("demo/zlib");
  static final EntryKey CURL = EntryKey.parse("demo/curl");
  static final EntryKey GIT = EntryKey.parse("demo/git");
  static final EntryKey JQ = EntryKey.parse("demo/jq");
  static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  @TempDir Path work;
  WorkDirLock lock;

  /** Each reading is two seconds after the one before: the times of a run become exact. */
  static final class Ticking extends Clock {
    private Instant next;

    Ticking(Instant first) {
      this.next = first;
    }

    @Override
    public synchronized Instant instant() {
      Instant now = next;
      next = next.plusSeconds(2);
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  @BeforeEach
  void lock() throws Exception {
    lock = WorkDirLock.acquire(work);
  }

  @AfterEach
  void unlock() throws IOException {
    lock.close();
  }

  @Test
  void anAttemptRunsFromItsBuildingRecordToTheRecordThatEndedIt() throws Exception {
    Artifact artifact = Artifact.of(Files.writeString(work.resolve("zlib.hart"), "zlib"));
    Map<String, Duration> phases = new LinkedHashMap<>();
    phases.put("facts pass", Duration.ofMillis(6));
    phases.put("build pass", Duration.ofMillis(1234));
    Ticking clock = new Ticking(T0);
    try (RunJournal journal = RunJournal.startNew(lock, clock)) { // run id, run record: T0, T0+2
      journal.record(Transition.building(S3, ZLIB, work.resolve("zlib.1.log"))); // T0+4
      journal.record(Transition.built(S3, ZLIB, artifact, work.resolve("zlib.1.log"), phases));
      EntryState live = journal.entry(S3, ZLIB);
      assertEquals(List.of(builtAt(4, 6, phases)), live.attempts(), "kept as it is written");
    }
    EntryState zlib = RunJournal.read(work).orElseThrow().stage(S3).entry(ZLIB);
    assertEquals(List.of(builtAt(4, 6, phases)), zlib.attempts());
    Attempt only = zlib.attempts().get(0);
    assertEquals(Duration.ofSeconds(2), only.duration().orElseThrow());
    assertEquals(List.of("facts pass", "build pass"), List.copyOf(only.phases().keySet()));
  }

  private Attempt builtAt(int start, int end, Map<String, Duration> phases) {
    return new Attempt(
        1,
        T0.plusSeconds(start),
        T0.plusSeconds(end),
        Attempt.Outcome.BUILT,
        work.resolve("zlib.1.log"),
        phases);
  }

  @Test
  void aFailureARetryAndABuildCutOffByACrashAreThreeAttempts() throws Exception {
    Ticking clock = new Ticking(T0);
    try (RunJournal journal = RunJournal.startNew(lock, clock)) {
      journal.record(Transition.building(S3, CURL, work.resolve("curl.1.log"))); // +4
      journal.record(Transition.failed(S3, CURL, work.resolve("curl.1.log"))); // +6
      journal.record(Transition.queued(S3, CURL)); // +8: kiln retry
      journal.record(Transition.building(S3, CURL, work.resolve("curl.2.log"))); // +10
      journal.record(Transition.timedOut(S3, CURL, work.resolve("curl.2.log"))); // +12
      journal.record(Transition.queued(S3, CURL)); // +14
      journal.record(Transition.building(S3, CURL, work.resolve("curl.3.log"))); // +16
    } // killed here, in effect: the third attempt has no end
    RunState stopped = RunJournal.read(work).orElseThrow();
    List<Attempt> open = stopped.stage(S3).entry(CURL).attempts();
    assertEquals(3, open.size());
    assertEquals(Attempt.Outcome.BUILDING, open.get(2).outcome(), "nothing ended it yet");
    try (RunJournal journal = RunJournal.resume(lock, clock)) { // session: +18
      journal.record(Transition.queued(S3, CURL)); // +20: the resume queues it again
    }
    List<Attempt> attempts = RunJournal.read(work).orElseThrow().stage(S3).entry(CURL).attempts();
    assertEquals(
        List.of(Attempt.Outcome.FAILED, Attempt.Outcome.TIMED_OUT, Attempt.Outcome.INTERRUPTED),
        attempts.stream().map(Attempt::outcome).toList());
    assertEquals(List.of(1, 2, 3), attempts.stream().map(Attempt::number).toList());
    assertEquals(T0.plusSeconds(10), attempts.get(1).started());
    assertEquals(T0.plusSeconds(12), attempts.get(1).ended());
    assertEquals(work.resolve("curl.2.log"), attempts.get(1).log());
    assertTrue(attempts.get(2).duration().isEmpty(), "a crash leaves no end to measure to");
  }

  @Test
  void eachAttemptKeepsTheBuildHostItRanOnAndAHostLostMidBuildLeavesItInterrupted()
      throws Exception {
    Artifact artifact = Artifact.of(Files.writeString(work.resolve("zlib.hart"), "zlib"));
    try (RunJournal journal = RunJournal.startNew(lock, new Ticking(T0))) {
      journal.record(Transition.building(S3, ZLIB, work.resolve("zlib.1.log"), "e2"));
      journal.record(Transition.queued(S3, ZLIB)); // e2 lost: requeued
      journal.record(Transition.building(S3, ZLIB, work.resolve("zlib.2.log"), "e1"));
      journal.record(Transition.built(S3, ZLIB, artifact, work.resolve("zlib.2.log")));
    }
    List<Attempt> attempts = RunJournal.read(work).orElseThrow().stage(S3).entry(ZLIB).attempts();
    assertEquals(
        List.of(Attempt.Outcome.INTERRUPTED, Attempt.Outcome.BUILT),
        attempts.stream().map(Attempt::outcome).toList());
    assertEquals(
        List.of("e2", "e1"), attempts.stream().map(a -> a.hostIfKnown().orElse("?")).toList());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Transition(
                S3, ZLIB, EntryStatus.QUEUED, null, null, null, null, Map.of(), null, "e1"),
        "a host goes with building only");
  }

  @Test
  void aCheckFailingTheArtifactLaterIsTheVerdictOfTheAttemptThatBuiltIt() throws Exception {
    Artifact artifact = Artifact.of(Files.writeString(work.resolve("zlib.hart"), "zlib"));
    Ticking clock = new Ticking(T0);
    try (RunJournal journal = RunJournal.startNew(lock, clock)) {
      journal.record(Transition.building(S3, ZLIB, work.resolve("zlib.1.log")));
      journal.record(Transition.built(S3, ZLIB, artifact, work.resolve("zlib.1.log")));
      journal.record(
          Transition.failedCheck(S3, ZLIB, work.resolve("zlib.1.log"), "refers to /tools"));
    }
    Attempt attempt = RunJournal.read(work).orElseThrow().stage(S3).entry(ZLIB).attempts().get(0);
    assertEquals(Attempt.Outcome.FAILED, attempt.outcome());
    assertEquals(T0.plusSeconds(6), attempt.ended(), "the build's end, not the check's");
  }

  /**
   * A ledger written by kiln before attempts had times (committed as it was written): it replays
   * with the times its records always carried, and no phase times.
   */
  @Test
  void aLedgerWrittenBeforeAttemptsHadTimesReplaysWithThem() throws Exception {
    String run = "20261121T130410Z-a2e7";
    Path dir = Files.createDirectories(RunJournal.ledgerDir(work));
    try (InputStream old = getClass().getResourceAsStream("ledger-without-times.jsonl")) {
      Files.copy(old, dir.resolve(run + ".jsonl"));
    }
    Files.writeString(dir.resolve("current"), run + "\n");

    RunState state = RunJournal.read(work).orElseThrow();
    assertTrue(state.recovery().clean(), state.recovery().describe("the ledger"));
    StageState s3 = state.stage(S3);
    Attempt zlib = s3.entry(ZLIB).attempts().get(0);
    assertEquals(Instant.parse("2026-11-21T13:04:31.200Z"), zlib.started());
    assertEquals(Duration.ofSeconds(6), zlib.duration().orElseThrow());
    assertEquals(Attempt.Outcome.BUILT, zlib.outcome());
    assertEquals(Map.of(), zlib.phases());
    assertEquals(
        Attempt.Outcome.TIMED_OUT, s3.entry(JQ).attempts().get(0).outcome(), "jq's only attempt");
    assertEquals(
        List.of(Attempt.Outcome.FAILED, Attempt.Outcome.INTERRUPTED),
        s3.entry(CURL).attempts().stream().map(Attempt::outcome).toList());
    assertEquals(
        Path.of("/srv/demo/.kiln/logs/stage3/demo-curl.2.log"),
        s3.entry(CURL).attempts().get(1).log());
    assertEquals(List.of(), s3.entry(GIT).attempts(), "skipped, never built");

    try (RunJournal journal = RunJournal.resume(lock, new Ticking(T0))) {
      journal.record(Transition.building(S3, CURL, work.resolve("curl.3.log")));
      assertEquals(3, journal.entry(S3, CURL).attemptCount(), "goes on with the old ledger");
    }
  }

  @Test
  void aMemberThisKilnDoesNotKnowIsPassedOver() throws Exception {
    try (RunJournal journal = RunJournal.startNew(lock, new Ticking(T0))) {
      journal.record(Transition.queued(S3, ZLIB));
    }
    // what a later kiln may add (a build host per attempt): written with its checksum
    Path ledger = onlyLedger();
    List<String> lines = Files.readAllLines(ledger);
    String newer =
        "{\"seq\":3,\"at\":\"2026-12-01T10:00:06Z\",\"kind\":\"plan\",\"stage\":\"stage3\","
            + "\"ident\":\"demo/zlib\",\"args\":\"\",\"status\":\"building\","
            + "\"log\":\"/l/zlib.1.log\",\"host\":{\"name\":\"builder-2\"}";
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(newer.getBytes(StandardCharsets.UTF_8));
    Files.writeString(
        ledger,
        String.join("\n", lines)
            + "\n"
            + newer
            + String.format(",\"crc\":\"%08x\"}%n", crc.getValue()));
    RunState state = RunJournal.read(work).orElseThrow();
    assertTrue(state.recovery().clean(), state.recovery().describe("the ledger"));
    Attempt attempt = state.stage(S3).entry(ZLIB).attempts().get(0);
    assertEquals(Instant.parse("2026-12-01T10:00:06Z"), attempt.started());
  }

  @Test
  void readsEveryFormOfTimeTheJdkWrites() {
    for (String text :
        List.of(
            "2026-12-01T10:00:00Z",
            "2026-12-01T10:00:00.2Z",
            "2026-12-01T10:00:00.250Z",
            "2026-12-01T23:59:59.123456Z",
            "1999-02-28T00:00:01.000000001Z",
            "+12026-12-01T10:00:00Z")) {
      assertEquals(Instant.parse(text), JournalDecoder.instant(text), text);
    }
    assertThrows(IllegalArgumentException.class, () -> JournalDecoder.instant("2026-13-01T10:00Z"));
    assertThrows(IllegalArgumentException.class, () -> JournalDecoder.instant("yesterday"));
  }

  private Path onlyLedger() throws IOException {
    String run = Files.readString(RunJournal.ledgerDir(work).resolve("current")).trim();
    return RunJournal.ledgerDir(work).resolve(run + ".jsonl");
  }
}
