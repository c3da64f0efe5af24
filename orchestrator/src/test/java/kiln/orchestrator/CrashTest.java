package kiln.orchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import kiln.resume.EntryKey;
import kiln.resume.EntryStatus;
import kiln.resume.Recovery;
import kiln.resume.RunJournal;
import kiln.resume.RunState;
import kiln.resume.StageName;
import kiln.resume.StageState;
import kiln.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a kiln (a child JVM running the scheduler on a world of fake builds) with SIGKILL at random
 * moments of its life, many times, restarting it each time: the run completes, nothing finished is
 * built again, and the ledger is never corrupt. BootstrapCrashIT does the same to the real {@code
 * kiln bootstrap}.
 */
class CrashTest {

  static final int KILLS = 30;

  /**
   * Each kill comes at a uniformly random moment of the first 2 s of a kiln's life: JVM start-up,
   * taking the lock, replaying the ledger, the stage's set-up records and the builds that follow.
   */
  static final long KILL_WINDOW_MILLIS = 2000;

  /**
   * The killed runs' builds take up to a second each, 3 at once (about 6 builds a second): 30
   * windows of 2 s, less each JVM's start-up, are far from enough for the 300 plans, so every kill
   * hits a run still going. The last, unkilled run builds what is left in a few ms per plan.
   */
  static final long KILLED_BUILD_MILLIS = 1000;

  @TempDir Path work;

  @Test
  void survivesRepeatedKillMinusNine() throws Exception {
    long seed = Long.getLong("kiln.crash.seed", System.nanoTime());
    System.out.println("crash test: seed " + seed + " (again with -Dkiln.crash.seed=" + seed + ")");
    Random random = new Random(seed);
    int killedMidRun = 0;
    int tornTails = 0;
    Map<String, Integer> phases = new TreeMap<>();
    for (int i = 0; i < KILLS; i++) {
      int recordsBefore = LedgerLines.read(work).size();
      Process child = start(3, KILLED_BUILD_MILLIS, Redirect.DISCARD);
      if (!child.waitFor(random.nextLong(KILL_WINDOW_MILLIS), TimeUnit.MILLISECONDS)) {
        child.destroyForcibly(); // SIGKILL
        killedMidRun++;
      }
      assertTrue(child.waitFor(60, TimeUnit.SECONDS), "a killed kiln is gone");
      Optional<RunState> killed = RunJournal.read(work);
      if (killed.isPresent()) {
        Recovery recovery = killed.get().recovery();
        assertFalse(recovery.damaged(), recovery.describe("ledger"));
        tornTails += recovery.tornTail() > 0 ? 1 : 0;
      }
      phases.merge(LedgerLines.phase(recordsBefore, LedgerLines.read(work)), 1, Integer::sum);
    }
    Process last = start(3, 5, Redirect.DISCARD);
    assertTrue(last.waitFor(120, TimeUnit.SECONDS), "the last run finishes");
    assertEquals(0, last.exitValue(), new String(last.getErrorStream().readAllBytes()));
    assertEquals(KILLS, killedMidRun, "every kill hit a kiln in the middle of the run");

    RunState run = RunJournal.read(work).orElseThrow();
    assertFalse(run.recovery().damaged());
    StageState world = run.stage(StageName.STAGE3);
    for (EntryKey key : CrashWorld.world().keys()) {
      assertEquals(EntryStatus.BUILT, world.entry(key).status(), key.toString());
      assertTrue(world.entry(key).artifact().stillMatches(), key.toString());
    }
    List<JsonNode> records = LedgerLines.read(work);
    assertEquals(Map.of(), LedgerLines.builtMoreThanOnce(records), "recorded built twice");
    assertEquals(
        List.of(), LedgerLines.rebuiltAfterBuilt(records), "built again after recorded built");
    Map<String, Integer> buildingRecords = LedgerLines.buildingRecords(records);
    Map<String, Integer> starts = new HashMap<>();
    for (String line : Files.readAllLines(work.resolve("starts.log"))) {
      assertFalse(line.startsWith("violation"), line);
      starts.merge("stage3 " + line.substring("start ".length()), 1, Integer::sum);
    }
    for (Map.Entry<String, Integer> start : starts.entrySet()) {
      assertTrue(
          start.getValue() <= buildingRecords.getOrDefault(start.getKey(), 0),
          start.getKey() + " started without being recorded first");
    }
    int extra = starts.values().stream().mapToInt(n -> n - 1).sum();
    assertTrue(extra <= killedMidRun * 3, "only builds in flight are redone: " + extra);
    System.out.printf(
        "crash test: %d kills mid-run (%s), %d torn tails, %d builds redone%n",
        killedMidRun, phases, tornTails, extra);
  }

  @Test
  void aSecondRunOnTheSameWorkDirIsRefusedWithThePid() throws Exception {
    Process first = start(1, 400);
    try {
      String said = new BufferedReader(new InputStreamReader(first.getInputStream())).readLine();
      assertEquals("locked " + first.pid(), said);
      Process second = start(1, 1);
      assertTrue(second.waitFor(60, TimeUnit.SECONDS));
      assertEquals(3, second.exitValue());
      String err = new String(second.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(err.contains("another kiln (pid " + first.pid() + ") is running in"), err);
    } finally {
      first.destroyForcibly().waitFor();
    }
  }

  private Process start(int jobs, long millis) throws Exception {
    return start(jobs, millis, Redirect.PIPE);
  }

  private Process start(int jobs, long millis, Redirect out) throws Exception {
    return ChildJvm.with("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")
        .main(CrashWorld.class, work.toString(), String.valueOf(jobs), String.valueOf(millis))
        .redirectOutput(out)
        .start();
  }
}
