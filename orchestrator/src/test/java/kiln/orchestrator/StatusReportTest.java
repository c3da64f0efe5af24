package kiln.orchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kiln.resume.RunJournal;
import kiln.resume.RunState;
import kiln.resume.WorkDirLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusReportTest {

  @TempDir Path work;

  RunState runWithAFailure() throws Exception {
    try (WorkDirLock lock = WorkDirLock.acquire(work);
        RunJournal journal = RunJournal.resume(lock, Clock.systemUTC())) {
      FakeBuilder builder = new FakeBuilder(work.resolve("results")).failing("t/b");
      new Scheduler(
              Worlds.world("a\nb: a\nc: b\nd"),
              journal,
              builder,
              new LogPaths(work),
              new SchedulerOptions(1, false, Optional.of("d")),
              Progress.SILENT)
          .run();
    }
    return RunJournal.read(work).orElseThrow();
  }

  @Test
  void theJsonHasTheIssuesShapeInItsOrder() throws Exception {
    RunState run = runWithAFailure();
    JsonNode root =
        new ObjectMapper().readTree(new StatusReport(run, work, Optional.empty()).json());
    assertEquals(List.of("stages"), names(root));
    JsonNode stage = root.get("stages").get(0);
    assertEquals(
        List.of("name", "built", "failed", "skipped", "timed_out", "pending", "building", "plans"),
        names(stage));
    assertEquals("stage3", stage.get("name").asText());
    assertEquals(1, stage.get("built").asInt());
    assertEquals(1, stage.get("failed").asInt());
    assertEquals(1, stage.get("skipped").asInt());
    assertEquals(0, stage.get("timed_out").asInt());
    assertEquals(1, stage.get("pending").asInt(), "d: stopped before it");
    assertEquals(0, stage.get("building").asInt());
    JsonNode plans = stage.get("plans");
    assertEquals(4, plans.size());
    for (JsonNode plan : plans) {
      assertEquals(List.of("ident", "args", "status", "reason", "log", "artifact"), names(plan));
    }
    assertPlan(plans.get(0), "t/a", "built", null, true, true);
    assertPlan(plans.get(1), "t/b", "failed", null, true, false);
    assertPlan(plans.get(2), "t/c", "skipped", "t/b failed", false, false);
    assertPlan(plans.get(3), "t/d", "pending", null, false, false);
    assertEquals(
        work.resolve("logs/stage3/t-b.1.log").toString(), plans.get(1).get("log").asText());
  }

  @Test
  void theTextNamesEachFailureItsLogAndWhatItBlocks() throws Exception {
    String text = new StatusReport(runWithAFailure(), work, Optional.of(42L)).text();
    assertTrue(
        text.contains("stage3: 1 built, 1 failed, 1 skipped, 0 timed out, 1 pending, 0 building"),
        text);
    assertTrue(text.contains("  failed t/b  log: " + work.resolve("logs/stage3/t-b.1.log")), text);
    assertTrue(text.contains("    blocks: t/c"), text);
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
}
