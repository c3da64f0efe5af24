package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import kiln.resume.StageName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a real run, opened in a real browser (Debian's chromium, headless; the test fails
 * when it is missing). The run is {@code kiln bootstrap} over the real pipeline, scheduler and
 * ledger with fake builders ({@link FakeParts}: no Docker), {@code -j 2}, stage3's {@code t/curl}
 * failing with a {@code <script>} at the end of its log; the page checked is the one {@code kiln
 * report} writes for it.
 */
class ReportBrowserTest {

  @TempDir Path dir;
  FakeParts parts = new FakeParts();
  Path config;
  Path report;
  Chromium chromium;

  @BeforeEach
  void aRunWithAFailureAndItsReport() throws Exception {
    config = FakeParts.distribution(dir);
    // long enough that two builds overlap at -j 2, and the bars are wide
    parts.builder(StageName.STAGE3, dir.resolve("results-stage3")).failing("t/curl").millis = 400;
    CliRun run =
        CliRun.ofCommand(
            new BootstrapCommand(parts.factory()),
            "--config",
            config.toString(),
            "-j",
            "2",
            "--report",
            dir.resolve("live").toString());
    assertEquals(1, run.exit(), run.err());
    String live = Files.readString(dir.resolve("live/index.html"));
    assertTrue(live.contains("<td class=\"failed\">1</td>"), "kept during the run: " + live);
    assertFalse(live.contains("http-equiv"), "the run is over: the page stops reloading");
    Path log = find("t-curl.1.log");
    Files.writeString(log, "<script>document.title='owned'</script>\n", StandardOpenOption.APPEND);
    report = dir.resolve("report");
    CliRun written =
        CliRun.of(
            "report",
            "--config",
            config.toString(),
            "--out",
            report.toString(),
            "--junit",
            dir.resolve("junit.xml").toString());
    assertEquals(0, written.exit(), written.err());
    assertEquals(
        report.resolve("index.html").toAbsolutePath()
            + "\n"
            + dir.resolve("junit.xml").toAbsolutePath()
            + "\n",
        written.out());
    chromium = new Chromium(Files.createDirectories(dir.resolve("browser")));
  }

  @Test
  void theBrowserShowsTheCountsTheFailureAndTheTimelineAndRunsNoScriptFromALog() throws Exception {
    String dom = chromium.dumpDom(report.resolve("index.html"));
    assertTrue(dom.contains("data-sorting=\"ready\""), "the page's script ran: " + dom);
    assertTrue(dom.contains("<title>kiln run "), "a log's script did not run: " + dom);
    assertFalse(dom.contains("owned</title>"), dom);
    assertEquals(
        List.of(
            "stage0 1 0 0 0 0 0", "stage1 3 0 0 0 0 0", "stage2 3 0 0 0 0 0", "stage3 2 1 1 0 0 0"),
        counts(dom));
    Matcher failure =
        Pattern.compile(
                "<article class=\"failure\" data-stage=\"stage3\" data-plan=\"t/curl\">\\s*"
                    + "<h3>stage3 t/curl: failed</h3>\\s*<p class=\"reason\">([^<]*)</p>"
                    + "[\\s\\S]*?<pre class=\"tail\">([^<]*)</pre>")
            .matcher(dom);
    assertTrue(failure.find(), dom);
    assertEquals("exit code 1", failure.group(1));
    assertTrue(failure.group(2).contains("error: it broke"), failure.group(2));
    assertTrue(
        failure.group(2).contains("&lt;script&gt;document.title='owned'&lt;/script&gt;"),
        failure.group(2));
    assertTrue(dom.contains("stage3 t/git: <span class=\"cause\">t/curl failed</span>"), dom);
    // stage0, three builds in stage1 and in stage2, and zlib, curl and jq in stage3
    assertEquals(10, occurrences(dom, "<rect class=\"bar "));
    assertEquals(1, occurrences(dom, "<rect class=\"bar failed\""));
    assertTrue(dom.contains(">builder 2</text>"), "zlib and jq ran at once: " + dom);
    assertFalse(dom.contains(">builder 3</text>"), "-j 2: " + dom);
  }

  @Test
  void theScreenshotShowsAPageWithTheTimelinesColours() throws Exception {
    Path png = chromium.screenshot(report.resolve("index.html"), 1200, 1400);
    assertTrue(Files.size(png) > 20_000, "a screenshot of " + Files.size(png) + " bytes");
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(1200, image.getWidth());
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        colours.add(image.getRGB(x, y) & 0xffffff);
      }
    }
    assertTrue(colours.size() > 100, colours.size() + " colours: not a blank page");
    assertTrue(colours.contains(0x2e7d32), "a built bar's green");
    assertTrue(colours.contains(0xc62828), "the failed bar's red");
  }

  @Test
  void aClickOnAColumnsHeadSortsTheTableByItAndASecondTheOtherWay() throws Exception {
    try (Chromium.Tab tab = chromium.open(report.resolve("index.html"), 1200, 900)) {
      tab.await("document.querySelector('#entries[data-sorting=ready]')");
      for (String column : List.of("duration", "plan", "status")) {
        int index =
            List.of("stage", "plan", "status", "duration", "attempts", "log").indexOf(column);
        List<String> shown = columnAfterClick(tab, column, index);
        List<String> ascending = new ArrayList<>(shown);
        ascending.sort(comparator(column));
        assertEquals(ascending, shown, column + " after one click");
        List<String> again = columnAfterClick(tab, column, index);
        List<String> descending = new ArrayList<>(ascending);
        descending.sort(comparator(column).reversed());
        assertEquals(descending, again, column + " after a second click");
      }
    }
  }

  private static List<String> columnAfterClick(Chromium.Tab tab, String column, int index)
      throws Exception {
    String head = "document.querySelector('th[data-column=" + column + "]')";
    JsonNode point =
        tab.evaluate(
            "(() => { const h = "
                + head
                + "; h.scrollIntoView({block: 'center'});"
                + " const r = h.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()");
    tab.click(point.get(0).asDouble(), point.get(1).asDouble());
    JsonNode cells =
        tab.evaluate(
            "Array.from(document.querySelectorAll('#entries tbody tr'), r => r.cells["
                + index
                + "].getAttribute('data-sort'))");
    List<String> values = new ArrayList<>();
    cells.forEach(c -> values.add(c.asText()));
    assertEquals(11, values.size(), "a row per entry of the four stages: " + values);
    return values;
  }

  private static java.util.Comparator<String> comparator(String column) {
    return column.equals("duration")
        ? java.util.Comparator.comparingLong(Long::parseLong)
        : java.util.Comparator.naturalOrder();
  }

  /** Each stage's row of the counts table: its name and its six counts, space-separated. */
  static List<String> counts(String dom) {
    Matcher row = Pattern.compile("<tr data-stage=\"(\\w+)\">(.*?)</tr>").matcher(dom);
    List<String> rows = new ArrayList<>();
    while (row.find()) {
      List<String> cells = new ArrayList<>(List.of(row.group(1)));
      Matcher cell = Pattern.compile("<td class=\"\\w+\">(\\d+)</td>").matcher(row.group(2));
      while (cell.find()) {
        cells.add(cell.group(1));
      }
      rows.add(String.join(" ", cells));
    }
    return rows;
  }

  static int occurrences(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }

  private Path find(String name) throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.getFileName().toString().equals(name)).findFirst().orElseThrow();
    }
  }
}
