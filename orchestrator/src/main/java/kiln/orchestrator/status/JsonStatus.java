package kiln.orchestrator.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import kiln.orchestrator.history.Estimate;
import kiln.resume.Attempt;
import kiln.resume.EntryState;
import kiln.resume.EntryStatus;

/**
 * {@code kiln status --json}: a shape kept stable for scripts (docs/ledger.md; a test pins the
 * member names and their order). Times are ISO-8601 UTC to the millisecond, durations seconds to
 * the millisecond. Objects may gain members at their end; readers pass over the ones they do not
 * know.
 */
public final class JsonStatus implements StatusRenderer {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What {@code --json} prints when the work directory has no run yet. */
  public static final String NO_RUN = "{\"stages\":[]}\n";

  @Override
  public String render(RunStatus status) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode stages = root.putArray("stages");
    for (StageStatus stage : status.stages()) {
      ObjectNode node = stages.addObject();
      node.put("name", stage.stage().id());
      node.put("built", stage.count(EntryStatus.BUILT));
      node.put("failed", stage.count(EntryStatus.FAILED));
      node.put("skipped", stage.count(EntryStatus.SKIPPED));
      node.put("timed_out", stage.count(EntryStatus.TIMED_OUT));
      node.put("pending", stage.count(EntryStatus.QUEUED));
      node.put("building", stage.count(EntryStatus.BUILDING));
      ArrayNode plans = node.putArray("plans");
      for (PlanStatus plan : stage.plans()) {
        ObjectNode entry = plans.addObject();
        plan(entry, plan);
        estimate(entry.putObject("estimate"), status.timing().estimate(stage.stage(), plan.key()));
      }
      ArrayNode left = node.putArray("left");
      for (LeftPlan gone : stage.left()) {
        ObjectNode entry = left.addObject();
        entry.put("ident", gone.key().ident().toString());
        entry.put("args", gone.key().argsText());
        entry.put("was", gone.wasName());
        entry.put("why", gone.why());
      }
    }
    root.put("run", status.runId());
    root.put("running", status.running());
    eta(root, status.timing());
    hosts(root.putArray("hosts"), status);
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers always writes", e);
    }
  }

  private static void plan(ObjectNode node, PlanStatus plan) {
    EntryState entry = plan.state();
    node.put("ident", plan.key().ident().toString());
    node.put("args", plan.key().argsText());
    node.put("status", plan.statusName());
    node.put("reason", entry.reason());
    node.put("log", entry.logIfAny().map(Path::toString).orElse(null));
    node.put("artifact", entry.artifactIfBuilt().map(a -> a.path().toString()).orElse(null));
    ArrayNode attempts = node.putArray("attempts");
    for (Attempt attempt : entry.attempts()) {
      attempt(attempts.addObject(), attempt);
    }
  }

  private static void attempt(ObjectNode node, Attempt attempt) {
    node.put("number", attempt.number());
    node.put("started", time(attempt.started()));
    node.put("ended", attempt.endedIfKnown().map(JsonStatus::time).orElse(null));
    node.put("seconds", attempt.duration().map(JsonStatus::seconds).orElse(null));
    node.put("outcome", attempt.outcome().id());
    node.put("log", attempt.log() == null ? null : attempt.log().toString());
    attempt.hostIfKnown().ifPresent(host -> node.put("host", host));
    ObjectNode phases = node.putObject("phases");
    attempt.phases().forEach((phase, took) -> phases.put(phase, seconds(took)));
  }

  /**
   * Per build host: {@code name}, {@code state} (idle, building, lost, quarantined), {@code
   * building} (idents), {@code since} and {@code why} (lost, quarantined; else null), {@code
   * built}, {@code failed}.
   */
  private static void hosts(ArrayNode hosts, RunStatus status) {
    for (HostStatus host : status.hosts()) {
      ObjectNode node = hosts.addObject();
      node.put("name", host.name());
      node.put("state", host.state().id());
      ArrayNode building = node.putArray("building");
      host.building().forEach(key -> building.add(key.toString()));
      node.put("since", host.since() == null ? null : time(host.since()));
      node.put("why", host.why());
      node.put("built", host.built());
      node.put("failed", host.failed());
    }
  }

  /** {@code {"seconds": 70.0, "basis": "history"}}; seconds null when nothing was ever built. */
  private static void estimate(ObjectNode node, Estimate estimate) {
    node.put(
        "seconds",
        estimate.basis() == Estimate.Basis.NONE
            ? null
            : BigDecimal.valueOf(Math.round(estimate.seconds() * 1000), 3));
    node.put("basis", estimate.basis().label());
  }

  /** {@code "eta": {"stage": "stage3", "seconds": 150.0, "ends": "..."}}, or null. */
  private static void eta(ObjectNode root, StatusTiming timing) {
    if (timing.eta().isEmpty()) {
      root.putNull("eta");
      return;
    }
    StatusTiming.Eta eta = timing.eta().get();
    ObjectNode node = root.putObject("eta");
    node.put("stage", eta.stage().id());
    node.put("seconds", seconds(eta.left()));
    node.put("ends", time(timing.now().plus(eta.left())));
  }

  private static String time(Instant at) {
    return at.truncatedTo(ChronoUnit.MILLIS).toString();
  }

  private static BigDecimal seconds(Duration duration) {
    return BigDecimal.valueOf(duration.toMillis(), 3);
  }
}
