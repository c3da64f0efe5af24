package kiln.orchestrator;

import static kiln.orchestrator.Worlds.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kiln.resume.EntryKey;
import kiln.resume.EntryStatus;
import kiln.resume.RunJournal;
import kiln.resume.StageName;
import kiln.resume.StageState;
import kiln.resume.StageWork;
import kiln.resume.WorkDirLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchedulerTest {

  static final StageWork WORLD =
      Worlds.world(
          """
          a
          e
          b: a
          c: b
          d: a
          f: e
          g: c d
          """);

  @TempDir Path work;
  WorkDirLock lock;
  RunJournal journal;
  FakeBuilder builder;

  @BeforeEach
  void open() throws Exception {
    lock = WorkDirLock.acquire(work);
    journal = RunJournal.resume(lock, Clock.systemUTC());
    builder = new FakeBuilder(work.resolve("results"));
  }

  @AfterEach
  void close() throws IOException {
    journal.close();
    lock.close();
  }

  StageResult run(StageWork stageWork, SchedulerOptions options) throws Exception {
    return new Scheduler(stageWork, journal, builder, new LogPaths(work), options, Progress.SILENT)
        .run();
  }

  StageResult run(StageWork stageWork) throws Exception {
    return run(stageWork, SchedulerOptions.defaults());
  }

  StageState ledger() throws Exception {
    return RunJournal.read(work).orElseThrow().stage(StageName.STAGE3);
  }

  @Test
  void buildsEverythingInDependencyOrder() throws Exception {
    StageResult result = run(WORLD);
    assertTrue(result.complete());
    assertEquals(7, result.count(EntryStatus.BUILT));
    assertEquals(List.of(), builder.violations);
    StageState ledger = ledger();
    for (EntryKey key : WORLD.keys()) {
      assertEquals(EntryStatus.BUILT, ledger.entry(key).status(), key.toString());
      assertTrue(ledger.entry(key).artifact().stillMatches());
    }
  }

  @Test
  void keepGoingSkipsExactlyTheDependentsOfAFailure() throws Exception {
    builder.failing("t/b");
    StageResult result = run(WORLD);
    assertEquals(List.of(key("b")), result.failures());
    assertFalse(result.complete());
    StageState ledger = ledger();
    for (String skipped : List.of("c", "g")) {
      assertEquals(EntryStatus.SKIPPED, ledger.entry(key(skipped)).status(), skipped);
      assertEquals("t/b failed", ledger.entry(key(skipped)).reason());
    }
    for (String built : List.of("a", "d", "e", "f")) {
      assertEquals(EntryStatus.BUILT, ledger.entry(key(built)).status(), built);
    }
    assertEquals(List.of(key("c"), key("g")), ledger.blockedBy(key("b")));
    assertTrue(Files.readString(ledger.entry(key("b")).log()).contains("it broke"));
  }

  @Test
  void failFastStartsNothingAfterTheFirstFailure() throws Exception {
    builder.failing("t/a");
    StageResult result = run(WORLD, new SchedulerOptions(1, true, Optional.empty()));
    assertTrue(result.stoppedEarly());
    assertEquals(List.of("a"), builder.startedNames(), "heaviest chain first: a");
    assertEquals(2, result.count(EntryStatus.QUEUED), "e and f wait for the next run");
    assertEquals(4, result.count(EntryStatus.SKIPPED), "b c d g depend on a");
  }

  @Test
  void startsTheHeaviestChainFirst() throws Exception {
    run(Worlds.world("x\ny\nz: y\nw: z"));
    assertEquals(List.of("y", "z", "x", "w"), builder.startedNames(), "ties in list order");
  }

  @Test
  void aBuildThatFinishesWhileKilnStopsIsRecordedBuiltAndTheStopGoesOn() throws Exception {
    builder.finishingWhenStopped.add("t/a");
    java.util.concurrent.atomic.AtomicReference<Throwable> thrown =
        new java.util.concurrent.atomic.AtomicReference<>();
    Thread scheduler =
        new Thread(
            () -> {
              try {
                run(Worlds.world("a\nb: a\nc"), new SchedulerOptions(2, false, Optional.empty()));
              } catch (Throwable t) {
                thrown.set(t);
              }
            });
    scheduler.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!builder.finished.contains(key("c")) && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    journal.interruptBetweenWrites(scheduler); // what kiln does on SIGINT or SIGTERM
    scheduler.join(TimeUnit.SECONDS.toMillis(30));
    assertTrue(thrown.get() instanceof InterruptedException, "stopped: " + thrown.get());
    StageState ledger = ledger();
    assertEquals(EntryStatus.BUILT, ledger.entry(key("a")).status(), "its log says built");
    assertTrue(ledger.entry(key("a")).artifact().stillMatches());
    assertEquals(EntryStatus.QUEUED, ledger.entry(key("b")).status(), "never started");
    assertEquals(EntryStatus.BUILT, ledger.entry(key("c")).status());
  }

  @Test
  void theWeightsDecideWhichChainIsHeaviest() throws Exception {
    // x alone costs more than the chain y -> z -> w counted in builds
    EntryWeights slowX = (stage, entry) -> entry.key().equals(key("x")) ? 10 : 1;
    run(Worlds.world("x\ny\nz: y\nw: z"), SchedulerOptions.defaults().withWeights(slowX));
    assertEquals(List.of("x", "y", "z", "w"), builder.startedNames());
  }

  @Test
  void aWeightBelowZeroIsRefusedNamingTheEntry() {
    EntryWeights broken = (stage, entry) -> -1;
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> run(Worlds.world("x"), SchedulerOptions.defaults().withWeights(broken)));
    assertTrue(e.getMessage().contains("stage3 t/x"), e.getMessage());
  }

  @Test
  void runsUpToJobsAtOnceButNeverBeforeTheDeps() throws Exception {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      text.append("p")
          .append(i)
          .append(i >= 6 ? ": p" + (i % 6) + " p" + (i - 3) : "")
          .append('\n');
    }
    builder.millis = 3;
    StageResult result =
        run(Worlds.world(text.toString()), new SchedulerOptions(4, false, Optional.empty()));
    assertEquals(30, result.count(EntryStatus.BUILT));
    assertEquals(List.of(), builder.violations);
    assertTrue(builder.mostAtOnce.get() <= 4, "at most 4 at once: " + builder.mostAtOnce);
  }

  @Test
  void reallyRunsJobsBuildsAtOnce() throws Exception {
    CyclicBarrier allFour = new CyclicBarrier(4);
    EntryBuilder waiting =
        (stage, entry, log) -> {
          try {
            allFour.await(20, TimeUnit.SECONDS); // only passes if four builds run together
          } catch (BrokenBarrierException | TimeoutException e) {
            return BuildOutcome.failed("not four at once: " + e);
          }
          return builder.build(stage, entry, log);
        };
    StageResult result =
        new Scheduler(
                Worlds.world("a\nb\nc\nd"),
                journal,
                waiting,
                new LogPaths(work),
                new SchedulerOptions(4, false, Optional.empty()),
                Progress.SILENT)
            .run();
    assertTrue(result.complete(), result.toString());
  }

  @Test
  void resumingBuildsOnlyTheFailedAndTheSkipped() throws Exception {
    builder.failing("t/b");
    run(WORLD);
    builder.failing.clear(); // the maintainer fixed b
    StageResult again = run(WORLD);
    assertTrue(again.complete());
    assertEquals(List.of("a", "b", "e", "d", "f", "b", "c", "g"), builder.startedNames());
    assertEquals(
        Map.of(
            key("a"), 1, key("b"), 2, key("c"), 1, key("d"), 1, key("e"), 1, key("f"), 1, key("g"),
            1),
        builder.builds);
    assertTrue(Files.exists(work.resolve("logs/stage3/t-b.1.log")), "the failed attempt's log");
  }

  @Test
  void theLogRecordedForAFailedAttemptStaysThatAttemptsLog() throws Exception {
    builder.failing("t/b");
    run(WORLD);
    Path failedLog = ledger().entry(key("b")).log();
    assertEquals(work.resolve("logs/stage3/t-b.1.log"), failedLog);
    builder.failing.clear();
    run(WORLD);
    assertTrue(Files.readString(failedLog).contains("error: it broke"), "still the failure's log");
    Path builtLog = ledger().entry(key("b")).log();
    assertEquals(work.resolve("logs/stage3/t-b.2.log"), builtLog);
    assertFalse(Files.readString(builtLog).contains("it broke"));
    Path latest = work.resolve("logs/stage3/t-b.log");
    assertEquals(Path.of("t-b.2.log"), Files.readSymbolicLink(latest), "the latest attempt");
  }

  @Test
  void aBuiltArtifactThatNoLongerVerifiesIsRebuiltAndSoAreItsDependents() throws Exception {
    run(WORLD);
    Path artifact = ledger().entry(key("d")).artifact().path();
    Files.writeString(artifact, "tampered");
    Files.delete(ledger().entry(key("f")).artifact().path());
    run(WORLD);
    assertEquals(2, builder.builds.get(key("d")));
    assertEquals(2, builder.builds.get(key("f")));
    assertEquals(
        2,
        builder.builds.get(key("g")),
        "a dependent built from d's old artifact would name a release no longer there");
    assertEquals(1, builder.builds.get(key("a")), "what d depends on is kept");
    assertEquals(1, builder.builds.get(key("c")), "what does not depend on d or f is kept");
  }

  @Test
  void aHashTheBuilderComputedWhileWritingIsRecordedWithoutHashingTheArtifactAgain()
      throws Exception {
    Path artifact = Files.createDirectories(work.resolve("results")).resolve("t-a.hart");
    Files.writeString(artifact, "the artifact");
    String written = "ab".repeat(32); // not the file's hash: only a second read would notice
    EntryBuilder hashing = (stage, entry, log) -> BuildOutcome.built(artifact, written);

    new Scheduler(
            Worlds.world("a"),
            journal,
            hashing,
            new LogPaths(work),
            SchedulerOptions.defaults(),
            Progress.SILENT)
        .run();

    assertEquals(written, ledger().entry(key("a")).artifact().sha256());
    assertEquals(Files.size(artifact), ledger().entry(key("a")).artifact().size());
  }

  @Test
  void aSkipByTheUserHoldsAcrossRunsUntilRetried() throws Exception {
    run(
        WORLD,
        new SchedulerOptions(1, false, Optional.of("t/a"))); // records the stage, builds nothing
    assertEquals(
        List.of(key("b"), key("c"), key("g")),
        Interventions.skip(journal, StageName.STAGE3, "t/b"));
    run(WORLD);
    run(WORLD);
    StageState ledger = ledger();
    assertEquals("by the user", ledger.entry(key("b")).reason());
    assertEquals("t/b was skipped by the user", ledger.entry(key("g")).reason());
    assertEquals(List.of("a", "e", "d", "f"), builder.startedNames());

    assertEquals(
        List.of(key("b"), key("c"), key("g")),
        Interventions.retry(journal, StageName.STAGE3, "t/b"));
    assertTrue(run(WORLD).complete());
    assertEquals(List.of("a", "e", "d", "f", "b", "c", "g"), builder.startedNames());
  }

  @Test
  void retryNeedsSomethingToRetry() throws Exception {
    run(WORLD);
    var refused =
        assertThrows(
            kiln.resume.JournalException.class,
            () -> Interventions.retry(journal, StageName.STAGE3, "t/b"));
    assertTrue(refused.getMessage().contains("t/b is built"), refused.getMessage());
  }

  @Test
  void aTimeOutSkipsItsDependentsAndIsRetried() throws Exception {
    builder.timingOut.add("t/e");
    run(WORLD);
    assertEquals(EntryStatus.TIMED_OUT, ledger().entry(key("e")).status());
    assertEquals("t/e timed out", ledger().entry(key("f")).reason());
    builder.timingOut.clear();
    assertTrue(run(WORLD).complete());
  }

  @Test
  void baseListsBuildInListOrderAndSkipOnlyLaterDependents() throws Exception {
    StageWork base =
        Worlds.baseList(
            StageName.STAGE1,
            """
            gcc
            patchelf FIRST_PASS=true: gcc
            glibc: patchelf
            patchelf: glibc
            busybox: gcc
            """);
    builder.failing("t/patchelf FIRST_PASS=true");
    StageResult result = run(base, new SchedulerOptions(8, false, Optional.empty()));
    assertEquals(List.of("gcc", "patchelf FIRST_PASS=true", "busybox"), builder.startedNames());
    assertEquals(2, result.count(EntryStatus.SKIPPED));
    assertEquals(1, builder.mostAtOnce.get(), "one at a time whatever -j says");
  }

  @Test
  void stopsBeforeTheNamedPlan() throws Exception {
    StageResult result = run(WORLD, new SchedulerOptions(1, false, Optional.of("c")));
    assertEquals(Optional.of(key("c")), result.stoppedBefore());
    assertFalse(builder.startedNames().contains("c"));
    assertFalse(result.complete());
  }

  @Test
  void aBrokenBuilderStopsTheStageAndTheEntryIsRetriedLater() throws Exception {
    EntryBuilder broken =
        (stage, entry, log) -> {
          throw new BuilderException("the container engine is gone");
        };
    var thrown =
        assertThrows(
            BuilderException.class,
            () ->
                new Scheduler(
                        WORLD,
                        journal,
                        broken,
                        new LogPaths(work),
                        SchedulerOptions.defaults(),
                        Progress.SILENT)
                    .run());
    assertTrue(thrown.getMessage().contains("engine is gone"));
    assertEquals(EntryStatus.BUILDING, ledger().entry(key("a")).status(), "in flight");
    assertTrue(run(WORLD).complete());
  }
}
