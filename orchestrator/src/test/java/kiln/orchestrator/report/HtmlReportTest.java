package kiln.orchestrator.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kiln.orchestrator.status.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

  @TempDir Path work;

  static final Clock NOW = Clock.fixed(ReportRuns.T0.plusSeconds(600), ZoneOffset.UTC);

  String page(RunStatus status) {
    return page(status, true);
  }

  String page(RunStatus status, boolean live) {
    return new HtmlReport(work.resolve("report"), LogTails.reading(30), NOW, live).render(status);
  }

  @Test
  void untrustedTextShowsAsTextNeverAsMarkup() throws Exception {
    String html = page(ReportRuns.runWithAFailure(work));
    assertFalse(html.contains("<script>document"), "the log's script must not run");
    assertTrue(
        html.contains("&lt;script&gt;document.title=&#39;owned&#39;&lt;/script&gt;\\x1b[31mred"),
        html);
    assertFalse(html.contains("<i>"), "the plan's settings are text");
    assertTrue(html.contains("t/b X=&lt;i&gt;&amp;amp;&lt;/i&gt;"), html);
    assertFalse(html.contains("\u001b"), "no control characters on the page");
    // the page's own script is the only one
    assertEquals(1, count(html, "<script>"));
  }

  @Test
  void countsFailureSkipTimelineAndTableComeFromTheLedger() throws Exception {
    String html = page(ReportRuns.runWithAFailure(work));
    assertTrue(
        html.contains(
            "<tr data-stage=\"stage3\"><td>stage3</td><td class=\"built\">1</td>"
                + "<td class=\"failed\">1</td><td class=\"skipped\">1</td>"
                + "<td class=\"timed_out\">1</td><td class=\"pending\">1</td>"
                + "<td class=\"building\">0</td></tr>"),
        html);
    assertTrue(html.contains("<p class=\"reason\">exit code 1</p>"), html);
    assertTrue(html.contains("<p class=\"reason\">no output for 1h</p>"), html);
    assertTrue(html.contains("blocks: t/c"), html);
    assertTrue(html.contains("stage3 t/c: <span class=\"cause\">t/b X=&lt;i&gt;"), html);
    assertEquals(3, count(html, "<rect class=\"bar "), "a, b and d were built once each");
    assertEquals(1, count(html, "<rect class=\"bar failed\""));
    assertEquals(1, count(html, "<rect class=\"bar timed_out\""));
    assertEquals(1, count(html, ">builder 1<"), "one build at a time: one lane");
    assertEquals(5, count(html, "<tr class=\""), "a row per entry");
    assertTrue(html.contains("<title>stage3 t/a, attempt 1: built, 1s</title>"), html);
  }

  @Test
  void logLinksAreRelativeToTheReportFolderAndReachTheLogs() throws Exception {
    String html = page(ReportRuns.runWithAFailure(work));
    Matcher links = Pattern.compile("href=\"([^\"]+)\"").matcher(html);
    int found = 0;
    while (links.find()) {
      String href = links.group(1);
      assertTrue(href.startsWith("../logs/stage3/"), href);
      String file = URLDecoder.decode(href, StandardCharsets.UTF_8);
      assertTrue(Files.isRegularFile(work.resolve("report").resolve(file).normalize()), href);
      found++;
    }
    assertEquals(5, found, "in the table: a, b and d; under failures: b and d");
  }

  @Test
  void aLivePageReloadsItselfWhileTheRunGoesOnAndNeverElse() throws Exception {
    RunStatus done = ReportRuns.runWithAFailure(work);
    RunStatus running =
        new RunStatus(done.runId(), done.ledger(), Optional.of(7L), done.recovery(), done.stages());
    assertTrue(page(running).contains("<meta http-equiv=\"refresh\" content=\"5\">"));
    assertTrue(page(running).contains("kiln is running: this page reloads every 5s"));
    assertFalse(page(done).contains("http-equiv"));
    assertTrue(page(done).contains("kiln is not running (written 2026-12-01T10:10:00Z)"));
    // `kiln report` during a run: nothing writes the page again, so reloading shows nothing new
    String once = page(running, false);
    assertFalse(once.contains("http-equiv"));
    assertTrue(once.contains("kiln is running; this page shows the run as it stood"), once);
  }

  @Test
  void thePageFetchesNothing() throws Exception {
    // the SVG namespace is a name, never fetched
    String html =
        page(ReportRuns.runWithAFailure(work)).replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
    for (String fetch : List.of("http:", "https:", "<link", "src=", "url(", "@import")) {
      assertFalse(html.contains(fetch), "nothing fetched: " + fetch);
    }
  }

  static int count(String text, String part) {
    int n = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      n++;
    }
    return n;
  }
}
