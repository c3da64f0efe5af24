package kiln.orchestrator.report;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import kiln.orchestrator.status.PlanStatus;
import kiln.orchestrator.status.RunStatus;
import kiln.orchestrator.status.StageStatus;
import kiln.orchestrator.status.StatusRenderer;
import kiln.resume.Attempt;
import kiln.resume.EntryState;
import kiln.resume.EntryStatus;

/**
 * The run as JUnit XML ({@code kiln report --junit FILE}), the format CI systems read test results
 * in: one {@code testsuite} per stage, one {@code testcase} per entry (class name the stage, name
 * the plan), a failed or timed-out entry as a {@code failure} with its reason as message and its
 * log's tail as text, a skipped one as {@code skipped} with its cause, one not built yet as {@code
 * skipped} saying so. Times are the latest attempt's, in seconds.
 */
public final class JunitReport implements StatusRenderer {

  private final LogTails tails;

  /**
   * @param tails reads a failure's log tail
   */
  public JunitReport(LogTails tails) {
    this.tails = tails;
  }

  @Override
  public String render(RunStatus status) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.append("<testsuites name=\"kiln run ")
        .append(Markup.escape(status.runId()))
        .append("\">\n");
    for (StageStatus stage : status.stages()) {
      suite(xml, stage);
    }
    return xml.append("</testsuites>\n").toString();
  }

  private void suite(StringBuilder xml, StageStatus stage) {
    Duration total = Duration.ZERO;
    for (PlanStatus plan : stage.plans()) {
      total = total.plus(time(plan.state()));
    }
    int failures = stage.count(EntryStatus.FAILED) + stage.count(EntryStatus.TIMED_OUT);
    int built = stage.count(EntryStatus.BUILT);
    xml.append("  <testsuite name=\"")
        .append(stage.stage().id())
        .append("\" tests=\"")
        .append(stage.plans().size())
        .append("\" failures=\"")
        .append(failures)
        .append("\" errors=\"0\" skipped=\"")
        .append(stage.plans().size() - failures - built)
        .append("\" time=\"")
        .append(seconds(total))
        .append("\">\n");
    for (PlanStatus plan : stage.plans()) {
      testcase(xml, stage, plan);
    }
    xml.append("  </testsuite>\n");
  }

  private void testcase(StringBuilder xml, StageStatus stage, PlanStatus plan) {
    EntryState entry = plan.state();
    xml.append("    <testcase classname=\"")
        .append(stage.stage().id())
        .append("\" name=\"")
        .append(Markup.escape(plan.key().toString()))
        .append("\" time=\"")
        .append(seconds(time(entry)))
        .append('"');
    switch (entry.status()) {
      case BUILT -> xml.append("/>\n");
      case FAILED, TIMED_OUT -> {
        String why = entry.reason() != null ? entry.reason() : "no reason recorded";
        List<String> tail = entry.logIfAny().map(tails::of).orElse(List.of());
        xml.append(">\n      <failure type=\"")
            .append(entry.status().id())
            .append("\" message=\"")
            .append(Markup.escape(plan.statusName().replace('_', ' ') + ": " + why))
            .append("\">")
            .append(Markup.escape(String.join("\n", tail)))
            .append("</failure>\n    </testcase>\n");
      }
      case SKIPPED -> skipped(xml, entry.reason());
      case QUEUED -> skipped(xml, "not built yet: pending");
      case BUILDING -> skipped(xml, "not built yet: building");
    }
  }

  private static void skipped(StringBuilder xml, String why) {
    xml.append(">\n      <skipped message=\"")
        .append(Markup.escape(why))
        .append("\"/>\n    </testcase>\n");
  }

  /** The latest attempt's time, when it ended. */
  private static Duration time(EntryState entry) {
    List<Attempt> attempts = entry.attempts();
    return attempts.isEmpty()
        ? Duration.ZERO
        : attempts.get(attempts.size() - 1).duration().orElse(Duration.ZERO);
  }

  private static String seconds(Duration duration) {
    return BigDecimal.valueOf(duration.toMillis(), 3).toPlainString();
  }
}
