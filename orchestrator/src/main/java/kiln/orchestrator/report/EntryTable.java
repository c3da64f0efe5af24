package kiln.orchestrator.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kiln.orchestrator.status.PlanStatus;
import kiln.orchestrator.status.RunStatus;
import kiln.orchestrator.status.StageStatus;
import kiln.resume.Attempt;
import kiln.stages.studio.BuildLimits;

/**
 * The table of every entry: stage, plan, status, duration of its latest attempt, attempts, log.
 * Each cell carries its sort key ({@code data-sort}); the page's script sorts by a column when its
 * head is clicked, numerically where the head says {@code data-type="number"}.
 */
final class EntryTable {

  private static final List<String> HEADS =
      List.of("stage", "plan", "status", "duration", "attempts", "log");

  private final LogLinks links;
  private final Instant now;

  EntryTable(LogLinks links, Instant now) {
    this.links = links;
    this.now = now;
  }

  void render(StringBuilder html, RunStatus status) {
    html.append("<table id=\"entries\" class=\"sortable\">\n<thead><tr>");
    for (String head : HEADS) {
      boolean number = head.equals("duration") || head.equals("attempts");
      html.append("<th data-column=\"")
          .append(head)
          .append(number ? "\" data-type=\"number\">" : "\">")
          .append(head)
          .append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    int order = 0;
    for (StageStatus stage : status.stages()) {
      for (PlanStatus plan : stage.plans()) {
        row(html, stage, plan, status.running(), order++);
      }
    }
    html.append("</tbody>\n</table>\n");
  }

  private void row(
      StringBuilder html, StageStatus stage, PlanStatus plan, boolean running, int order) {
    String name = plan.statusName();
    Optional<Duration> took = latestDuration(plan, running);
    html.append("<tr class=\"").append(name).append("\">");
    // the stage column sorts in stage order and, within it, in the stage's build order
    cell(html, String.format("%02d%06d", stage.stage().ordinal(), order), stage.stage().id());
    cell(html, plan.key().toString(), plan.key().toString());
    cell(html, name, name.replace('_', ' '));
    cell(
        html,
        took.map(d -> Long.toString(d.toMillis())).orElse("-1"),
        took.map(BuildLimits::format).orElse("-"));
    int attempts = plan.state().attemptCount();
    cell(html, Integer.toString(attempts), Integer.toString(attempts));
    html.append("<td data-sort=\"");
    plan.state()
        .logIfAny()
        .ifPresentOrElse(
            log ->
                html.append(Markup.escape(log.getFileName().toString()))
                    .append("\"><a href=\"")
                    .append(links.href(log))
                    .append("\">log</a></td>"),
            () -> html.append("\">-</td>"));
    html.append("</tr>\n");
  }

  /** The latest attempt's time; one still building counts up to now while a kiln runs it. */
  private Optional<Duration> latestDuration(PlanStatus plan, boolean running) {
    List<Attempt> attempts = plan.state().attempts();
    if (attempts.isEmpty()) {
      return Optional.empty();
    }
    Attempt last = attempts.get(attempts.size() - 1);
    if (last.outcome() == Attempt.Outcome.BUILDING && running) {
      return Optional.of(Duration.between(last.started(), now));
    }
    return last.duration();
  }

  private static void cell(StringBuilder html, String sortKey, String text) {
    html.append("<td data-sort=\"")
        .append(Markup.escape(sortKey))
        .append("\">")
        .append(Markup.escape(text))
        .append("</td>");
  }
}
