package kiln.resume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Build hosts' changes in the ledger: recorded, replayed, and where each host stands now. */
class HostEventsTest {

  static final StageName S3 = StageName.STAGE3;
  static final EntryKey ZLIB = EntryKey.parse("demo/zlib");
  static final EntryKey JQ = EntryKey.parse("demo/jq");
  static final Instant T0 = Instant.parse("2026-12-07T01:00:00Z");

  @TempDir Path work;

  @Test
  void hostChangesAreRecordedAndReplayedWithTheirReasonsAndTimes() throws Exception {
    try (WorkDirLock lock = WorkDirLock.acquire(work);
        RunJournal journal = RunJournal.startNew(lock, Clock.fixed(T0, ZoneOffset.UTC))) {
      journal.recordHost("e2", HostEvent.Change.LOST, "no Docker engine answers at e2");
      journal.recordHost("e2", HostEvent.Change.REJOINED, null);
      journal.recordHost("doomed", HostEvent.Change.QUARANTINED, "its last 3 builds failed in 1s");
    }
    RunHosts hosts = RunJournal.read(work).orElseThrow().hosts();
    assertEquals(
        List.of(
            new HostEvent("e2", HostEvent.Change.LOST, "no Docker engine answers at e2", T0),
            new HostEvent("e2", HostEvent.Change.REJOINED, null, T0),
            new HostEvent(
                "doomed", HostEvent.Change.QUARANTINED, "its last 3 builds failed in 1s", T0)),
        hosts.events());
    assertEquals(List.of("e2", "doomed"), List.copyOf(hosts.latest().keySet()));
    assertEquals(HostEvent.Change.REJOINED, hosts.latest().get("e2").change());
  }

  @Test
  void aNewSessionStartsWithEveryHostUpAndKeepsTheEarlierChangesAsHistory() throws Exception {
    try (WorkDirLock lock = WorkDirLock.acquire(work);
        RunJournal journal = RunJournal.resume(lock, Clock.fixed(T0, ZoneOffset.UTC))) {
      journal.recordHost("doomed", HostEvent.Change.QUARANTINED, "it failed 4 of its 6 builds");
      assertEquals(List.of("doomed"), List.copyOf(journal.state().hosts().latest().keySet()));
    }
    try (WorkDirLock lock = WorkDirLock.acquire(work);
        RunJournal journal = RunJournal.resume(lock, Clock.fixed(T0, ZoneOffset.UTC))) {
      assertEquals(Map.of(), journal.state().hosts().latest(), "quarantine lasts one session");
      journal.recordHost("e1", HostEvent.Change.LOST, "ping: connection refused");
      assertEquals(List.of("e1"), List.copyOf(journal.state().hosts().latest().keySet()));
    }
    RunHosts replayed = RunJournal.read(work).orElseThrow().hosts();
    assertEquals(2, replayed.events().size());
    assertEquals(List.of("e1"), List.copyOf(replayed.latest().keySet()));
  }

  @Test
  void aReasonGoesWithALossOrAQuarantineOnly() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new HostEvent("e1", HostEvent.Change.LOST, " ", T0),
        "a loss says why");
    assertThrows(
        IllegalArgumentException.class,
        () -> new HostEvent("e1", HostEvent.Change.REJOINED, "it answers", T0));
  }

  /**
   * A ledger of a run over two hosts written before host records existed (in the format kiln wrote
   * then: hosts only on the {@code building} records): it replays with each attempt's host and no
   * host changes, and a resumed kiln records changes after it.
   */
  @Test
  void aFarmLedgerWrittenBeforeHostRecordsReplaysAndTakesThemAfterwards() throws Exception {
    String run = "20261205T090000Z-0f0e";
    Path dir = Files.createDirectories(RunJournal.ledgerDir(work));
    try (InputStream old =
        getClass().getResourceAsStream("ledger-farm-without-host-records.jsonl")) {
      Files.copy(old, dir.resolve(run + ".jsonl"));
    }
    Files.writeString(dir.resolve("current"), run + "\n");

    RunState state = RunJournal.read(work).orElseThrow();
    assertTrue(state.recovery().clean(), state.recovery().describe("the ledger"));
    assertEquals(RunHosts.NONE, state.hosts());
    assertEquals(
        List.of("e2", "e1"),
        state.stage(S3).entry(JQ).attempts().stream().map(Attempt::host).toList());
    assertEquals(Attempt.Outcome.FAILED, state.stage(S3).entry(ZLIB).attempts().get(0).outcome());

    try (WorkDirLock lock = WorkDirLock.acquire(work);
        RunJournal journal = RunJournal.resume(lock, Clock.fixed(T0, ZoneOffset.UTC))) {
      journal.recordHost("e2", HostEvent.Change.LOST, "ping: no such file or directory");
    }
    RunState after = RunJournal.read(work).orElseThrow();
    assertTrue(after.recovery().clean(), after.recovery().describe("the ledger"));
    assertEquals("ping: no such file or directory", after.hosts().latest().get("e2").reason());
    assertEquals(
        List.of("e2", "e1"),
        after.stage(S3).entry(JQ).attempts().stream().map(Attempt::host).toList());
  }
}
