package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kiln.orchestrator.TickingClock;
import kiln.orchestrator.Worlds;
import kiln.resume.Artifact;
import kiln.resume.HostEvent;
import kiln.resume.RunJournal;
import kiln.resume.StageName;
import kiln.resume.Transition;
import kiln.resume.WorkDirLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a run over three build hosts, in a real browser (Debian's chromium, headless): the
 * timeline's lanes are the hosts' slots, each labelled with its host, and the time a host was lost
 * or quarantined is marked on its own lanes. The ledger is written by the real journal as the
 * scheduler writes it in a farm run; the page is the one {@code kiln report} writes.
 */
class FarmReportBrowserTest {

  static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
  static final StageName S3 = StageName.STAGE3;

  @TempDir Path dir;

  /**
   * e1 (two at once) builds a and b, then c after e2 was lost under it; d fails on doomed, which is
   * then quarantined.
   */
  void aRunOverThreeHosts(Path work) throws Exception {
    try (WorkDirLock lock = WorkDirLock.acquire(work);
        RunJournal journal = RunJournal.resume(lock, new TickingClock(T0, Duration.ofSeconds(1)))) {
      journal.recordStage(Worlds.world("a\nb\nc\nd"));
      Artifact hart = Artifact.of(Files.writeString(work.resolve("x.hart"), "x"));
      journal.record(Transition.building(S3, Worlds.key("a"), log(work, "a"), "e1"));
      journal.record(Transition.building(S3, Worlds.key("b"), log(work, "b"), "e1"));
      journal.record(Transition.building(S3, Worlds.key("c"), log(work, "c"), "e2"));
      journal.recordHost("e2", HostEvent.Change.LOST, "ping: connection refused");
      journal.record(Transition.queued(S3, Worlds.key("c")));
      journal.record(Transition.built(S3, Worlds.key("a"), hart, log(work, "a")));
      journal.record(Transition.building(S3, Worlds.key("c"), log(work, "c"), "e1"));
      journal.record(Transition.built(S3, Worlds.key("b"), hart, log(work, "b")));
      journal.record(Transition.building(S3, Worlds.key("d"), log(work, "d"), "doomed"));
      journal.record(Transition.failed(S3, Worlds.key("d"), log(work, "d"), "exit code 125"));
      journal.recordHost("doomed", HostEvent.Change.QUARANTINED, "its last 3 builds failed");
      journal.record(Transition.built(S3, Worlds.key("c"), hart, log(work, "c")));
    }
  }

  @Test
  void theTimelineHasALanePerHostSlotAndMarksTheLostAndTheQuarantinedHost() throws Exception {
    Path work = Files.createDirectories(dir.resolve("work"));
    aRunOverThreeHosts(work);
    Path report = dir.resolve("report");
    CliRun written = CliRun.of("report", "--work", work.toString(), "--out", report.toString());
    assertEquals(0, written.exit(), written.err());
    Chromium chromium = new Chromium(Files.createDirectories(dir.resolve("browser")));
    try (Chromium.Tab tab = chromium.open(report.resolve("index.html"), 1200, 900)) {
      tab.await("document.querySelector('#timeline-chart')");
      assertEquals(
          List.of("doomed", "e1 #1", "e1 #2", "e2"),
          strings(
              tab.evaluate(
                  "Array.from(document.querySelectorAll('#timeline-chart text.lane'),"
                      + " t => t.textContent)")));
      // each bar and mark sits in the row of its host's label, as a user sees it
      assertEquals(
          List.of(
              "doomed: bar failed",
              "doomed: mark quarantined",
              "e1 #1: bar built",
              "e1 #1: bar built",
              "e1 #2: bar built",
              "e2: bar interrupted",
              "e2: mark lost"),
          strings(
              tab.evaluate(
                  "(() => { const labels = Array.from(document.querySelectorAll("
                      + "'#timeline-chart text.lane'));"
                      + " const rowOf = el => { const r = el.getBoundingClientRect();"
                      + " const mid = r.y + r.height / 2;"
                      + " const l = labels.find(t => { const b = t.getBoundingClientRect();"
                      + " return mid >= b.y - 6 && mid <= b.y + b.height + 6; });"
                      + " return l ? l.textContent : '?'; };"
                      + " return Array.from(document.querySelectorAll("
                      + "'#timeline-chart rect.bar, #timeline-chart rect.host'), el =>"
                      + " rowOf(el) + ': ' + (el.classList.contains('bar') ? 'bar ' : 'mark ')"
                      + " + el.classList[1]).sort(); })()")));
      String lostTip =
          tab.evaluate("document.querySelector('#timeline-chart rect.host.lost title').textContent")
              .asText();
      assertEquals("build host e2 lost: ping: connection refused", lostTip);
      String legend = tab.evaluate("document.querySelector('.legend').textContent").asText();
      assertTrue(legend.contains("host lost") && legend.contains("host quarantined"), legend);
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> all = new ArrayList<>();
    array.forEach(node -> all.add(node.asText()));
    return all;
  }

  private static Path log(Path work, String name) {
    return work.resolve("logs/" + name + ".1.log");
  }
}
