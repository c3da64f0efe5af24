package kiln.orchestrator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiln.resume.EntryKey;
import kiln.resume.EntryState;
import kiln.resume.EntryStatus;
import kiln.resume.RunState;
import kiln.resume.StageState;

/**
 * What {@code kiln status} shows: per stage, how many entries stand where, each failure with its
 * log and the plans it blocks, and what is building. The JSON shape is a contract (docs/ledger.md).
 *
 * @param run the replayed ledger
 * @param ledger the ledger file, for the header
 * @param runningPid the pid of a kiln working on this run now, if any
 */
public record StatusReport(RunState run, Path ledger, Optional<Long> runningPid) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The status names of the JSON and the text: {@code queued} shows as {@code pending}. */
  static String statusName(EntryStatus status) {
    return status == EntryStatus.QUEUED ? "pending" : status.id();
  }

  /** {@code {"stages":[{"name":..,"built":n,..,"plans":[{"ident":..}]}]}}. */
  public String json() {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode stages = root.putArray("stages");
    for (StageState stage : run.stages().values()) {
      ObjectNode node = stages.addObject();
      node.put("name", stage.stage().id());
      Map<EntryStatus, Integer> counts = stage.counts();
      node.put("built", counts.get(EntryStatus.BUILT));
      node.put("failed", counts.get(EntryStatus.FAILED));
      node.put("skipped", counts.get(EntryStatus.SKIPPED));
      node.put("timed_out", counts.get(EntryStatus.TIMED_OUT));
      node.put("pending", counts.get(EntryStatus.QUEUED));
      node.put("building", counts.get(EntryStatus.BUILDING));
      ArrayNode plans = node.putArray("plans");
      for (EntryKey key : stage.keys()) {
        EntryState entry = stage.entry(key);
        ObjectNode plan = plans.addObject();
        plan.put("ident", key.ident().toString());
        plan.put("args", key.argsText());
        plan.put("status", statusName(entry.status()));
        plan.put("reason", entry.reason());
        plan.put("log", entry.logIfAny().map(Path::toString).orElse(null));
        plan.put("artifact", entry.artifactIfBuilt().map(a -> a.path().toString()).orElse(null));
      }
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers always writes", e);
    }
  }

  /** The report for people. */
  public String text() {
    StringBuilder text = new StringBuilder();
    text.append("run ").append(run.runId()).append(" (ledger ").append(ledger).append(")\n");
    if (!run.recovery().clean()) {
      text.append("note: ").append(run.recovery().describe(ledger)).append('\n');
    }
    for (StageState stage : run.stages().values()) {
      appendStage(text, stage);
    }
    text.append(
        runningPid
            .map(pid -> pid < 0 ? "kiln is running\n" : "kiln is running (pid " + pid + ")\n")
            .orElse("kiln is not running\n"));
    return text.toString();
  }

  private void appendStage(StringBuilder text, StageState stage) {
    Map<EntryStatus, Integer> c = stage.counts();
    text.append(stage.stage().id())
        .append(": ")
        .append(
            String.format(
                "%d built, %d failed, %d skipped, %d timed out, %d pending, %d building%n",
                c.get(EntryStatus.BUILT),
                c.get(EntryStatus.FAILED),
                c.get(EntryStatus.SKIPPED),
                c.get(EntryStatus.TIMED_OUT),
                c.get(EntryStatus.QUEUED),
                c.get(EntryStatus.BUILDING)));
    long passed =
        stage.keys().stream()
            .map(stage::entry)
            .filter(e -> e.status() == EntryStatus.BUILT)
            .filter(e -> stage.checked().contains(e.artifact().sha256()))
            .count();
    if (passed > 0) {
      text.append("  ")
          .append(passed)
          .append(" built artifact(s) passed the check before the next stage\n");
    }
    for (EntryKey key : stage.keys()) {
      EntryState entry = stage.entry(key);
      if (entry.status().isFailure()) {
        text.append("  ").append(entry.status().id().replace('_', ' ')).append(' ').append(key);
        text.append("  log: ").append(entry.log()).append('\n');
        if (entry.reason() != null) {
          // built, but its artifact failed the check before the next stage
          text.append("    ").append(entry.reason()).append('\n');
        }
        List<EntryKey> blocked = stage.blockedBy(key);
        if (!blocked.isEmpty()) {
          text.append("    blocks: ").append(join(blocked)).append('\n');
        }
      } else if (entry.skippedByUser()) {
        text.append("  skipped by the user: ").append(key).append('\n');
      } else if (entry.status() == EntryStatus.BUILDING) {
        text.append(runningPid.isPresent() ? "  building " : "  was building when kiln stopped: ")
            .append(key)
            .append(" (attempt ")
            .append(entry.attempts())
            .append(")  log: ")
            .append(entry.log())
            .append('\n');
      }
    }
  }

  private static String join(List<EntryKey> keys) {
    return String.join(", ", keys.stream().map(EntryKey::toString).toList());
  }
}
