package kiln.orchestrator.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import kiln.orchestrator.StageResult;
import kiln.orchestrator.TickingClock;
import kiln.orchestrator.Worlds;
import kiln.resume.EntryStatus;
import kiln.resume.RunJournal;
import kiln.resume.RunState;
import kiln.resume.StageName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveReportTest {

  @TempDir Path work;

  final TickingClock clock = new TickingClock(ReportRuns.T0, Duration.ZERO);
  final AtomicInteger reads = new AtomicInteger();
  final List<String> warnings = new ArrayList<>();
  Supplier<RunState> run;

  @BeforeEach
  void aRecordedRun() throws Exception {
    ReportRuns.runWithAFailure(work);
    RunState state = RunJournal.read(work).orElseThrow();
    run =
        () -> {
          reads.incrementAndGet();
          return state;
        };
  }

  LiveReport live(Path folder) {
    return new LiveReport(
        ReportFolder.of(folder, clock, true),
        run,
        work.resolve("ledger"),
        clock,
        Duration.ofSeconds(1),
        warnings::add);
  }

  void finished(LiveReport live) {
    live.buildFinished(StageName.STAGE3, Worlds.key("a"), EntryStatus.BUILT, null, "");
  }

  @Test
  void aBuildsEndWritesThePageWhichReloadsWhileTheRunGoesOn() throws Exception {
    Path page = work.resolve("report/index.html");
    LiveReport live = live(page.getParent());
    finished(live);
    assertEquals(1, reads.get());
    String html = Files.readString(page);
    assertTrue(html.contains("http-equiv=\"refresh\""), html);
    assertTrue(html.contains("<td class=\"failed\">1</td>"), html);

    live.finish();
    assertEquals(2, reads.get());
    assertFalse(Files.readString(page).contains("http-equiv"), "the run is over: no reload");
    assertTrue(Files.readString(page).contains("kiln is not running"));
  }

  @Test
  void aBurstOfEventsWritesOnceButAStagesEndAlwaysWrites() {
    LiveReport live = live(work.resolve("report"));
    live.stageStarted(StageName.STAGE3, 5, 0);
    for (int i = 0; i < 10; i++) {
      live.buildStarted(StageName.STAGE3, Worlds.key("a"), null, 1);
      finished(live);
    }
    assertEquals(1, reads.get(), "all within the same second");
    clock.set(ReportRuns.T0.plusSeconds(1));
    finished(live);
    assertEquals(2, reads.get(), "a second later");
    live.stageFinished(
        new StageResult(
            StageName.STAGE3, Map.of(EntryStatus.BUILT, 5), List.of(), Optional.empty(), false));
    assertEquals(3, reads.get(), "the stage's end, at once");
  }

  @Test
  void aPageThatCannotBeWrittenIsSaidOnceAndTheRunGoesOn() throws Exception {
    Path notAFolder = Files.writeString(work.resolve("taken"), "a file");
    LiveReport live = live(notAFolder);
    finished(live);
    clock.set(ReportRuns.T0.plusSeconds(5));
    finished(live);
    live.finish();
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(
        warnings.get(0).startsWith("cannot write the report in " + notAFolder),
        warnings.toString());
    assertTrue(warnings.get(0).endsWith("; the run goes on without it"), warnings.toString());
  }
}
