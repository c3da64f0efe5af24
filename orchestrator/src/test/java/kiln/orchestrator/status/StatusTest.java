package kiln.orchestrator.status;

import static kiln.orchestrator.Worlds.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kiln.orchestrator.FakeBuilder;
import kiln.orchestrator.LogPaths;
import kiln.orchestrator.Progress;
import kiln.orchestrator.Scheduler;
import kiln.orchestrator.SchedulerOptions;
import kiln.orchestrator.TickingClock;
import kiln.orchestrator.Worlds;
import kiln.orchestrator.history.BuildHistory;
import kiln.orchestrator.progress.StageWatchTest;
import kiln.resume.RunJournal;
import kiln.resume.RunState;
import kiln.resume.StageName;
import kiln.resume.StageWork;
import kiln.resume.Transition;
import kiln.resume.WorkDirLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusTest {

  static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  @TempDir Path work;

  /** a built, b failed (c skipped for it), d timed out, stopped before e; the clock ticks 1s. */
  RunState runWithAFailure() throws Exception {
    try (WorkDirLock lock = WorkDirLock.acquire(work);
        RunJournal journal = RunJournal.resume(lock, new TickingClock(T0, Duration.ofSeconds(1)))) {
      FakeBuilder builder = new FakeBuilder(work.resolve("results")).failing("t/b");
      builder.timingOut.add("t/d");
      new Scheduler(
              Worlds.world("a\nb: a\nc: b\nd\ne"),
              journal,
              builder,
              new LogPaths(work),
              new SchedulerOptions(1, false, Optional.of("e")),
              Progress.SILENT)
          .run();
    }
    return RunJournal.read(work).orElseThrow();
  }

  JsonNode json() throws Exception {
    RunStatus status = RunStatus.of(runWithAFailure(), work, Optional.empty());
    return new ObjectMapper().readTree(new JsonStatus().render(status));
  }

  @Test
  void theJsonHasTheIssuesShapeInItsOrder() throws Exception {
    JsonNode root = json();
    assertEquals(List.of("stages", "run", "running", "eta", "hosts"), names(root));
    assertTrue(root.get("eta").isNull(), "no kiln runs: no ETA");
    JsonNode stage = root.get("stages").get(0);
    assertEquals(
        List.of(
            "name",
            "built",
            "failed",
            "skipped",
            "timed_out",
            "pending",
            "building",
            "plans",
            "left"),
        names(stage));
    assertEquals("stage3", stage.get("name").asText());
    assertEquals(1, stage.get("built").asInt());
    assertEquals(1, stage.get("failed").asInt());
    assertEquals(1, stage.get("skipped").asInt());
    assertEquals(1, stage.get("timed_out").asInt());
    assertEquals(1, stage.get("pending").asInt(), "e: stopped before it");
    assertEquals(0, stage.get("building").asInt());
    JsonNode plans = stage.get("plans");
    assertEquals(5, plans.size());
    for (JsonNode plan : plans) {
      assertEquals(
          List.of("ident", "args", "status", "reason", "log", "artifact", "attempts", "estimate"),
          names(plan));
      assertEquals("{\"seconds\":null,\"basis\":\"none\"}", plan.get("estimate").toString());
    }
    assertPlan(plans.get(0), "t/a", "built", null, true, true);
    assertPlan(plans.get(1), "t/b", "failed", "exit code 1", true, false);
    assertPlan(plans.get(2), "t/c", "skipped", "t/b failed", false, false);
    assertPlan(plans.get(3), "t/d", "timed_out", "no output for 1h", true, false);
    assertPlan(plans.get(4), "t/e", "pending", "never built", false, false);
    assertEquals(
        work.resolve("logs/stage3/t-b.1.log").toString(), plans.get(1).get("log").asText());
  }

  @Test
  void eachBuiltFailedAndTimedOutEntryShowsItsAttemptWithItsTimes() throws Exception {
    JsonNode plans = json().get("stages").get(0).get("plans");
    for (int i : List.of(0, 1, 3)) {
      JsonNode plan = plans.get(i);
      assertEquals(1, plan.get("attempts").size(), plan.toString());
      JsonNode attempt = plan.get("attempts").get(0);
      assertEquals(
          List.of("number", "started", "ended", "seconds", "outcome", "log", "phases"),
          names(attempt));
      assertEquals(1, attempt.get("number").asInt());
      assertEquals(plan.get("status").asText(), attempt.get("outcome").asText());
      assertEquals(plan.get("log").asText(), attempt.get("log").asText());
      Instant started = Instant.parse(attempt.get("started").asText());
      Instant ended = Instant.parse(attempt.get("ended").asText());
      assertTrue(started.isAfter(T0) && attempt.get("started").asText().endsWith("Z"), plan + "");
      // recorded in the scheduler's next turn: the clock moved on by one reading
      assertEquals(started.plusSeconds(1), ended, plan.toString());
      assertEquals(1.0, attempt.get("seconds").asDouble(), plan.toString());
    }
    assertEquals(
        "{\"build pass\":1.25}", plans.get(0).get("attempts").get(0).get("phases").toString());
    assertEquals("{}", plans.get(1).get("attempts").get(0).get("phases").toString());
    assertEquals("[]", plans.get(2).get("attempts").toString(), "skipped: never started");
    assertEquals("[]", plans.get(4).get("attempts").toString(), "pending: never started");
  }

  @Test
  void theTextNamesEachFailureItsLogAndWhatItBlocks() throws Exception {
    RunStatus status = RunStatus.of(runWithAFailure(), work, Optional.of(42L));
    String text = new TextStatus().render(status);
    assertTrue(
        text.contains("stage3: 1 built, 1 failed, 1 skipped, 1 timed out, 1 pending, 0 building"),
        text);
    assertTrue(text.contains("  failed t/b  log: " + work.resolve("logs/stage3/t-b.1.log")), text);
    assertTrue(text.contains("    blocks: t/c"), text);
    assertTrue(text.contains("  timed out t/d  log: "), text);
    assertTrue(text.contains("kiln is running (pid 42)"), text);
  }

  private static void assertPlan(
      JsonNode plan, String ident, String status, String reason, boolean log, boolean artifact) {
    assertEquals(ident, plan.get("ident").asText());
    assertEquals("", plan.get("args").asText());
    assertEquals(status, plan.get("status").asText());
    assertEquals(reason, plan.get("reason").isNull() ? null : plan.get("reason").asText());
    assertEquals(log, !plan.get("log").isNull(), ident + " log");
    assertEquals(artifact, !plan.get("artifact").isNull(), ident + " artifact");
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void whileKilnRunsEachBuildShowsItsTimeAgainstItsEstimateAndTheStageItsEta() throws Exception {
    TickingClock clock = new TickingClock(T0, Duration.ZERO);
    RunState run;
    try (WorkDirLock lock = WorkDirLock.acquire(work);
        RunJournal journal = RunJournal.startNew(lock, clock)) {
      StageWork world = Worlds.world("zlib\nlibgreet: zlib\nhello\nmotd: hello");
      journal.recordStage(world);
      journal.record(Transition.building(StageName.STAGE3, key("zlib"), work.resolve("z.log")));
      journal.record(Transition.building(StageName.STAGE3, key("hello"), work.resolve("h.log")));
      run = journal.state();
    }
    BuildHistory history = StageWatchTest.HISTORY; // zlib 70s, libgreet 50s, hello 30s
    StatusTiming timing = StatusTiming.of(run, history, true, 2, T0.plusSeconds(42));
    RunStatus status = RunStatus.of(run, work, Optional.of(42L)).withTiming(timing);

    String text = new TextStatus().render(status);
    assertTrue(text.contains("  building t/zlib (attempt 1, 0:42/1:10)  log: "), text);
    assertTrue(text.contains("  building t/hello (attempt 1, 0:42/0:30)  log: "), text);
    // zlib has 28s left, then libgreet 50s; hello is overdue, then motd (the median, 50s)
    assertTrue(
        text.endsWith("stage3 should be done in about 1m 18s (by the build history)\n"), text);

    JsonNode root = new ObjectMapper().readTree(new JsonStatus().render(status));
    assertEquals(
        "{\"stage\":\"stage3\",\"seconds\":78.0,\"ends\":\"2026-12-01T10:02:00Z\"}",
        root.get("eta").toString());
    JsonNode plans = root.get("stages").get(0).get("plans");
    assertEquals(
        "{\"seconds\":70.0,\"basis\":\"history\"}", plans.get(0).get("estimate").toString());
    assertEquals(
        "{\"seconds\":50.0,\"basis\":\"stage median\"}", plans.get(3).get("estimate").toString());

    RunStatus stopped =
        RunStatus.of(run, work, Optional.empty())
            .withTiming(StatusTiming.of(run, history, false, 2, T0.plusSeconds(42)));
    assertTrue(new ObjectMapper().readTree(new JsonStatus().render(stopped)).get("eta").isNull());
    assertFalse(new TextStatus().render(stopped).contains("should be done"));
  }
}
