package kiln.orchestrator.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import kiln.orchestrator.status.PlanStatus;
import kiln.orchestrator.status.RunStatus;
import kiln.orchestrator.status.StageStatus;
import kiln.orchestrator.status.StatusRenderer;
import kiln.resume.EntryKey;
import kiln.resume.EntryState;
import kiln.resume.EntryStatus;

/**
 * The run as one self-contained HTML page ({@code kiln report}): per stage the counts, the timeline
 * (one lane per builder, a bar per attempt), each failure with its reason and log tail, each skip
 * with its cause, and a table of every entry that sorts by any column. Style and script are inline
 * and nothing is fetched, so the page opens from the disk anywhere. A live page (one that is
 * written again as the run goes on) reloads itself while a kiln works on the run, so a browser left
 * on it follows the run.
 */
public final class HtmlReport implements StatusRenderer {

  /** How often a page of a running run reloads itself, in seconds. */
  static final int REFRESH_SECONDS = 5;

  private static final String STYLE = resource("report.css");
  private static final String SCRIPT = resource("report.js");

  private final LogLinks links;
  private final LogTails tails;
  private final Clock clock;
  private final boolean live;

  /**
   * @param folder where the page is written: log links are relative to it
   * @param tails reads a failure's log tail
   * @param clock the time the page says it was written, and the end of builds still running
   * @param live whether the page is written again as the run goes on, so reloading it is worth it
   */
  public HtmlReport(Path folder, LogTails tails, Clock clock, boolean live) {
    this.links = new LogLinks(folder);
    this.tails = tails;
    this.clock = clock;
    this.live = live;
  }

  @Override
  public String render(RunStatus status) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    StringBuilder html = new StringBuilder(16_384);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    boolean reloads = live && status.running();
    if (reloads) {
      html.append("<meta http-equiv=\"refresh\" content=\"")
          .append(REFRESH_SECONDS)
          .append("\">\n");
    }
    String title = "kiln run " + Markup.escape(status.runId());
    html.append("<title>").append(title).append("</title>\n<style>\n").append(STYLE);
    html.append("</style>\n</head>\n<body>\n<h1>").append(title).append("</h1>\n");
    html.append("<p id=\"state\" data-running=\"").append(status.running()).append("\">");
    html.append(state(status.running(), reloads))
        .append(" (written ")
        .append(now)
        .append(")</p>\n");
    stages(html, status);
    html.append("<h2>Timeline</h2>\n<p class=\"legend\">");
    for (String outcome :
        new String[] {"built", "failed", "timed_out", "building", "interrupted"}) {
      html.append("<span class=\"").append(outcome).append("\">");
      html.append(outcome.replace('_', ' ')).append("</span>");
    }
    Timeline timeline = Timeline.of(status, now);
    for (String change :
        timeline.marks().stream().map(Timeline.HostMark::change).distinct().toList()) {
      html.append("<span class=\"host ").append(change).append("\">host ").append(change);
      html.append("</span>");
    }
    html.append("</p>\n").append(TimelineSvg.render(timeline));
    failures(html, status);
    skips(html, status);
    html.append("<h2>Entries</h2>\n");
    new EntryTable(links, now).render(html, status);
    html.append("<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
    return html.toString();
  }

  private static String state(boolean running, boolean reloads) {
    if (reloads) {
      return "kiln is running: this page reloads every " + REFRESH_SECONDS + "s";
    }
    return running
        ? "kiln is running; this page shows the run as it stood"
            + " (`kiln bootstrap --report DIR` keeps a page that follows the run)"
        : "kiln is not running";
  }

  private static void stages(StringBuilder html, RunStatus status) {
    html.append("<h2>Stages</h2>\n<table id=\"stages\">\n<thead><tr><th>stage</th>");
    EntryStatus[] columns = {
      EntryStatus.BUILT,
      EntryStatus.FAILED,
      EntryStatus.SKIPPED,
      EntryStatus.TIMED_OUT,
      EntryStatus.QUEUED,
      EntryStatus.BUILDING
    };
    for (EntryStatus column : columns) {
      html.append("<th>").append(name(column).replace('_', ' ')).append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    for (StageStatus stage : status.stages()) {
      html.append("<tr data-stage=\"").append(stage.stage().id()).append("\"><td>");
      html.append(stage.stage().id()).append("</td>");
      for (EntryStatus column : columns) {
        html.append("<td class=\"").append(name(column)).append("\">");
        html.append(stage.count(column)).append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</tbody>\n</table>\n");
  }

  private void failures(StringBuilder html, RunStatus status) {
    html.append("<h2>Failures</h2>\n<div id=\"failures\">\n");
    boolean any = false;
    for (StageStatus stage : status.stages()) {
      for (PlanStatus plan : stage.plans()) {
        EntryState entry = plan.state();
        if (!entry.status().isFailure()) {
          continue;
        }
        any = true;
        html.append("<article class=\"failure\" data-stage=\"")
            .append(stage.stage().id())
            .append("\" data-plan=\"")
            .append(Markup.escape(plan.key().toString()))
            .append("\">\n<h3>")
            .append(stage.stage().id())
            .append(' ')
            .append(Markup.escape(plan.key().toString()))
            .append(": ")
            .append(plan.statusName().replace('_', ' '))
            .append("</h3>\n<p class=\"reason\">")
            .append(Markup.escape(entry.reason() != null ? entry.reason() : "no reason recorded"))
            .append("</p>\n");
        if (!plan.blocks().isEmpty()) {
          html.append("<p class=\"blocks\">blocks: ")
              .append(
                  Markup.escape(
                      String.join(", ", plan.blocks().stream().map(EntryKey::toString).toList())))
              .append("</p>\n");
        }
        entry.logIfAny().ifPresent(log -> tail(html, log));
        html.append("</article>\n");
      }
    }
    html.append(any ? "" : "<p>none</p>\n").append("</div>\n");
  }

  private void tail(StringBuilder html, Path log) {
    html.append("<pre class=\"tail\">")
        .append(Markup.escape(String.join("\n", tails.of(log))))
        .append("</pre>\n<p><a href=\"")
        .append(links.href(log))
        .append("\">the whole log</a></p>\n");
  }

  private static void skips(StringBuilder html, RunStatus status) {
    html.append("<h2>Skipped</h2>\n<ul id=\"skips\">\n");
    boolean any = false;
    for (StageStatus stage : status.stages()) {
      for (PlanStatus plan : stage.plans()) {
        if (plan.state().status() == EntryStatus.SKIPPED) {
          any = true;
          html.append("<li class=\"skip\" data-plan=\"")
              .append(Markup.escape(plan.key().toString()))
              .append("\">")
              .append(stage.stage().id())
              .append(' ')
              .append(Markup.escape(plan.key().toString()))
              .append(": <span class=\"cause\">")
              .append(Markup.escape(plan.state().reason()))
              .append("</span></li>\n");
        }
      }
    }
    html.append(any ? "" : "<li>none</li>\n").append("</ul>\n");
  }

  private static String name(EntryStatus status) {
    return status == EntryStatus.QUEUED ? "pending" : status.id();
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("kiln's jar lacks " + name + ": rebuild kiln");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name + " from kiln's jar", e);
    }
  }
}
