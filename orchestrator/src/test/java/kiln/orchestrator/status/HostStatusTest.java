package kiln.orchestrator.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import kiln.orchestrator.TickingClock;
import kiln.orchestrator.Worlds;
import kiln.resume.Artifact;
import kiln.resume.EntryKey;
import kiln.resume.HostEvent;
import kiln.resume.RunJournal;
import kiln.resume.RunState;
import kiln.resume.StageName;
import kiln.resume.Transition;
import kiln.resume.WorkDirLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kiln status} of a run over three build hosts: where each stands, what it built. */
class HostStatusTest {

  static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
  static final StageName S3 = StageName.STAGE3;

  @TempDir Path work;

  /**
   * a built on e1; b failed on e2; c cut off when e2 was lost (at 10:00:08), now building on e1; d
   * failed on doomed, which was then quarantined (10:00:13). The clock ticks 1s per record.
   */
  RunState aRunOverThreeHosts() throws Exception {
    try (WorkDirLock lock = WorkDirLock.acquire(work);
        RunJournal journal = RunJournal.resume(lock, new TickingClock(T0, Duration.ofSeconds(1)))) {
      journal.recordStage(Worlds.world("a\nb\nc\nd"));
      Path hart = Files.writeString(work.resolve("a.hart"), "a");
      journal.record(Transition.building(S3, key("a"), log("a"), "e1"));
      journal.record(Transition.built(S3, key("a"), Artifact.of(hart), log("a")));
      journal.record(Transition.building(S3, key("b"), log("b"), "e2"));
      journal.record(Transition.failed(S3, key("b"), log("b"), "exit code 2"));
      journal.record(Transition.building(S3, key("c"), log("c"), "e2"));
      journal.recordHost("e2", HostEvent.Change.LOST, "ping: connection refused");
      journal.record(Transition.queued(S3, key("c")));
      journal.record(Transition.building(S3, key("c"), log("c"), "e1"));
      journal.record(Transition.building(S3, key("d"), log("d"), "doomed"));
      journal.record(Transition.failed(S3, key("d"), log("d"), "exit code 125"));
      journal.recordHost("doomed", HostEvent.Change.QUARANTINED, "its last 3 builds failed");
    }
    return RunJournal.read(work).orElseThrow();
  }

  @Test
  void theTextShowsEachHostsStateWhatItBuildsAndItsCounts() throws Exception {
    RunStatus status = RunStatus.of(aRunOverThreeHosts(), work.resolve("ledger"), Optional.of(7L));
    String text = new TextStatus().render(status);
    assertTrue(
        text.contains(
            """
            build hosts:
              doomed: quarantined since 2026-12-07T10:00:13Z (its last 3 builds failed); \
            0 built, 1 failed
              e1: building t/c; 1 built, 0 failed
              e2: lost since 2026-12-07T10:00:08Z (ping: connection refused); 0 built, 1 failed
            kiln is running (pid 7)
            """),
        text);
  }

  @Test
  void withNoKilnRunningNothingBuildsAndTheStatesAreTheLastSessions() throws Exception {
    RunStatus status = RunStatus.of(aRunOverThreeHosts(), work.resolve("ledger"), Optional.empty());
    String text = new TextStatus().render(status);
    assertTrue(text.contains("build hosts (as the last kiln session left them):\n"), text);
    assertTrue(text.contains("\n  e1: idle; 1 built, 0 failed\n"), text);
  }

  @Test
  void theJsonHasEachHostAtTheEnd() throws Exception {
    RunStatus status = RunStatus.of(aRunOverThreeHosts(), work.resolve("ledger"), Optional.of(7L));
    JsonNode hosts = new ObjectMapper().readTree(new JsonStatus().render(status)).get("hosts");
    assertEquals(
        "[{\"name\":\"doomed\",\"state\":\"quarantined\",\"building\":[],"
            + "\"since\":\"2026-12-07T10:00:13Z\",\"why\":\"its last 3 builds failed\","
            + "\"built\":0,\"failed\":1},"
            + "{\"name\":\"e1\",\"state\":\"building\",\"building\":[\"t/c\"],\"since\":null,"
            + "\"why\":null,\"built\":1,\"failed\":0},"
            + "{\"name\":\"e2\",\"state\":\"lost\",\"building\":[],"
            + "\"since\":\"2026-12-07T10:00:08Z\",\"why\":\"ping: connection refused\","
            + "\"built\":0,\"failed\":1}]",
        hosts.toString());
  }

  @Test
  void aRunOnTheLocalStudioHasNoHosts() throws Exception {
    try (WorkDirLock lock = WorkDirLock.acquire(work);
        RunJournal journal = RunJournal.resume(lock, new TickingClock(T0, Duration.ZERO))) {
      journal.recordStage(Worlds.world("a"));
      journal.record(Transition.building(S3, key("a"), log("a")));
    }
    RunStatus status =
        RunStatus.of(RunJournal.read(work).orElseThrow(), work.resolve("ledger"), Optional.of(7L));
    assertEquals(java.util.List.of(), status.hosts());
    assertTrue(!new TextStatus().render(status).contains("hosts"));
  }

  static EntryKey key(String name) {
    return Worlds.key(name);
  }

  Path log(String name) {
    return work.resolve("logs/" + name + ".1.log");
  }
}
