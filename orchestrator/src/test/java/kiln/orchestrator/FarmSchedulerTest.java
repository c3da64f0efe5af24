package kiln.orchestrator;

import static kiln.orchestrator.farm.FakeHosts.host;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import kiln.orchestrator.farm.FakeHosts;
import kiln.orchestrator.farm.HostPool;
import kiln.resume.Attempt;
import kiln.resume.EntryKey;
import kiln.resume.EntryState;
import kiln.resume.EntryStatus;
import kiln.resume.HostEvent;
import kiln.resume.RunJournal;
import kiln.resume.StageEntry;
import kiln.resume.StageName;
import kiln.resume.StageState;
import kiln.resume.StageWork;
import kiln.resume.WorkDirLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stage over several build hosts: where builds go, and what a lost or broken host costs. */
class FarmSchedulerTest {

  static final StageWork WORLD =
      Worlds.world(
          """
          a
          b
          c
          d
          e
          f: a b
          g: c d
          h: f g e
          """);

  @TempDir Path work;
  WorkDirLock lock;
  RunJournal journal;
  final FakeHosts hosts = new FakeHosts();

  /** The host changes the scheduler told its progress, in order. */
  final List<HostEvent> told = new java.util.concurrent.CopyOnWriteArrayList<>();

  final Progress progress =
      new Progress() {
        @Override
        public void hostChanged(HostEvent event) {
          told.add(event);
        }
      };

  /** The fake builder, which records on which host each build ran. */
  final class HostBuilder implements EntryBuilder {
    final FakeBuilder inner = new FakeBuilder(work.resolve("results"));
    final HostPool pool;
    final Map<EntryKey, List<String>> ranOn = new ConcurrentHashMap<>();

    /** What a host does to a build instead of building it: fail it, or die under it. */
    final Map<String, String> trouble = new ConcurrentHashMap<>();

    HostBuilder(HostPool pool) {
      this.pool = pool;
    }

    @Override
    public BuildOutcome build(StageName stage, StageEntry entry, Path log) {
      throw new AssertionError("a farm build always names its host");
    }

    @Override
    public EntryBuilder on(String host) {
      return (stage, entry, log) -> {
        ranOn
            .computeIfAbsent(entry.key(), k -> new java.util.concurrent.CopyOnWriteArrayList<>())
            .add(host);
        String what = trouble.getOrDefault(host, "");
        if (what.equals("dies")) {
          hosts.stop(host); // its engine goes away under the build: the API call fails
          return BuildOutcome.failed("cannot reach the Docker engine at " + host);
        }
        if (what.equals("starts nothing")) {
          throw new BuilderException(
              "build host " + host + ": OCI runtime create failed: /bin/false exited 1");
        }
        if (what.equals("fails")) {
          return BuildOutcome.failed("the studio cannot start: exit code 125");
        }
        return inner.build(stage, entry, log);
      };
    }

    @Override
    public BuildPlaces places(int jobs, boolean ordered) {
      return pool.places(ordered);
    }
  }

  @BeforeEach
  void open() throws Exception {
    lock = WorkDirLock.acquire(work);
    journal = RunJournal.resume(lock, Clock.systemUTC());
  }

  @AfterEach
  void close() throws IOException {
    journal.close();
    lock.close();
  }

  StageResult run(HostBuilder builder) throws Exception {
    return new Scheduler(
            WORLD, journal, builder, new LogPaths(work), SchedulerOptions.defaults(), progress)
        .run();
  }

  StageState ledger() throws Exception {
    return RunJournal.read(work).orElseThrow().stage(StageName.STAGE3);
  }

  @Test
  void everyBuildRunsOnAHostAndTheLedgerSaysWhich() throws Exception {
    HostBuilder builder = new HostBuilder(hosts.pool(host("e1", 2, 1), host("e2", 1, 2)));
    StageResult result = run(builder);
    assertTrue(result.complete());
    assertEquals(List.of(), builder.inner.violations);
    StageState ledger = ledger();
    for (EntryKey key : WORLD.keys()) {
      Attempt only = ledger.entry(key).attempts().get(0);
      assertEquals(
          builder.ranOn.get(key), List.of(only.hostIfKnown().orElseThrow()), key.toString());
    }
    assertEquals(
        List.of("e2"),
        builder.ranOn.get(Worlds.key("h")),
        "the last build, alone, goes to the fastest host");
  }

  @Test
  void aHostLostUnderABuildCostsThePlanNothingAndTheBuildRunsElsewhere() throws Exception {
    HostBuilder builder = new HostBuilder(hosts.pool(host("e1", 1, 1), host("e2", 1, 4)));
    builder.trouble.put("e2", "dies");
    StageResult result = run(builder);
    assertTrue(result.complete(), "all built: " + result.counts());
    EntryKey first = Worlds.key("a"); // the heaviest chain, on the fastest host
    EntryState a = ledger().entry(first);
    assertEquals(
        List.of(Attempt.Outcome.INTERRUPTED, Attempt.Outcome.BUILT),
        a.attempts().stream().map(Attempt::outcome).toList());
    assertEquals(
        List.of("e2", "e1"), a.attempts().stream().map(x -> x.hostIfKnown().get()).toList());
    for (EntryKey key : WORLD.keys()) {
      assertEquals(1, builder.inner.builds.get(key), key + " built once");
      assertTrue(
          ledger().entry(key).attempts().stream()
              .noneMatch(x -> x.outcome() == Attempt.Outcome.FAILED),
          key + " has no failed attempt");
    }
    List<HostEvent> recorded = RunJournal.read(work).orElseThrow().hosts().events();
    assertEquals(1, recorded.size(), recorded.toString());
    assertEquals("e2", recorded.get(0).host());
    assertEquals(HostEvent.Change.LOST, recorded.get(0).change());
    assertEquals("no Docker engine answers at e2", recorded.get(0).reason());
    assertEquals(recorded, told, "told as recorded");
  }

  @Test
  void failuresOnAHostThatFailsEverythingAreBuiltAgainElsewhere() throws Exception {
    HostBuilder builder = new HostBuilder(hosts.pool(host("good", 1, 1), host("broken", 3, 2)));
    builder.trouble.put("broken", "fails");
    StageResult result = run(builder);
    assertTrue(result.complete(), "all built: " + result.counts());
    List<HostEvent> recorded = RunJournal.read(work).orElseThrow().hosts().events();
    assertEquals(
        List.of("broken quarantined"),
        recorded.stream().map(e -> e.host() + " " + e.change().id()).toList());
    assertTrue(
        recorded.get(0).reason().startsWith("its last 3 builds all failed within 10s"),
        recorded.get(0).reason());
    assertEquals(recorded, told, "told as recorded");
    for (EntryKey key : WORLD.keys()) {
      assertEquals(EntryStatus.BUILT, ledger().entry(key).status());
      assertEquals("good", lastHost(ledger().entry(key)), key + " built on the good host");
    }
  }

  @Test
  void aBuildWhoseStudioCannotStartIsQueuedAgainAndItsLogSaysWhy() throws Exception {
    HostBuilder builder = new HostBuilder(hosts.pool(host("good", 1, 1), host("broken", 1, 2)));
    builder.trouble.put("broken", "starts nothing");
    StageResult result = run(builder);
    assertTrue(result.complete(), "all built: " + result.counts());
    Attempt cut = ledger().entry(Worlds.key("a")).attempts().get(0);
    assertEquals(Attempt.Outcome.INTERRUPTED, cut.outcome());
    assertEquals("broken", cut.host());
    String log = Files.readString(cut.log());
    assertTrue(log.contains("build host broken could not run this build"), log);
    assertTrue(log.contains("OCI runtime create failed: /bin/false exited 1"), log);
  }

  @Test
  void everyHostLostStopsTheStageToResumeLater() throws Exception {
    HostBuilder builder = new HostBuilder(hosts.pool(host("e1", 1, 1), host("e2", 1, 1)));
    builder.trouble.put("e1", "dies");
    builder.trouble.put("e2", "dies");
    BuilderException stop = assertThrows(BuilderException.class, () -> run(builder));
    assertTrue(stop.getMessage().contains("no build host can take builds"), stop.getMessage());
    assertTrue(
        WORLD.keys().stream().allMatch(k -> journalStatus(k) == EntryStatus.QUEUED),
        "nothing failed: the next run builds it all");
    assertEquals(
        List.of("e1 lost", "e2 lost"),
        RunJournal.read(work).orElseThrow().hosts().events().stream()
            .map(e -> e.host() + " " + e.change().id())
            .sorted()
            .toList(),
        "both losses are in the ledger before the stage stops");
  }

  private EntryStatus journalStatus(EntryKey key) {
    try {
      return ledger().entry(key).status();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String lastHost(EntryState entry) {
    List<Attempt> attempts = entry.attempts();
    return attempts.get(attempts.size() - 1).hostIfKnown().orElse("?");
  }

  static Optional<String> none() {
    return Optional.empty();
  }
}
