package kiln.orchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import kiln.resume.EntryKey;
import kiln.resume.EntryStatus;
import kiln.resume.RunJournal;
import kiln.resume.RunState;
import kiln.resume.StageName;
import kiln.resume.StageState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a kiln (a child JVM running a world of quick builds) with SIGKILL at random moments, many
 * times, restarting it each time: the run completes, nothing finished is built again, and the
 * ledger is never corrupt.
 */
class CrashTest {

  static final int KILLS = 30;

  @TempDir Path work;

  @Test
  void survivesRepeatedKillMinusNine() throws Exception {
    Random random = new Random(Long.getLong("kiln.crash.seed", System.nanoTime()));
    int killedMidRun = 0;
    int tornTails = 0;
    for (int i = 0; i < KILLS; i++) {
      Process child = start(3, 12);
      if (waitForBuilds(child, 1 + random.nextInt(5))) {
        Thread.sleep(random.nextInt(10)); // a random moment among the journal writes
        child.destroyForcibly().waitFor(); // SIGKILL
        killedMidRun++;
      }
      child.waitFor();
      RunJournal.read(work)
          .ifPresent(
              run -> assertFalse(run.recovery().damaged(), run.recovery().describe("ledger")));
    }
    Process last = start(3, 12);
    last.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
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
    Map<String, Integer> buildingRecords = new HashMap<>();
    assertEquals(List.of(), rebuiltAfterBuilt(buildingRecords), "built again after recorded built");
    Map<String, Integer> starts = new HashMap<>();
    for (String line : Files.readAllLines(work.resolve("starts.log"))) {
      assertFalse(line.startsWith("violation"), line);
      starts.merge(line.substring("start ".length()), 1, Integer::sum);
    }
    for (Map.Entry<String, Integer> start : starts.entrySet()) {
      assertTrue(
          start.getValue() <= buildingRecords.getOrDefault(start.getKey(), 0),
          start.getKey() + " started without being recorded first");
    }
    int extra = starts.values().stream().mapToInt(n -> n - 1).sum();
    assertTrue(extra <= killedMidRun * 3, "only builds in flight are redone: " + extra);
    System.out.printf(
        "crash test: %d kills mid-run, %d torn tails, %d builds redone%n",
        killedMidRun, tornTails, extra);
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

  /** Waits until the child has started {@code builds} builds; false if it ended first. */
  private static boolean waitForBuilds(Process child, int builds) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()));
    int seen = 0;
    for (String line; (line = out.readLine()) != null; ) {
      if (line.startsWith("start ") && ++seen == builds) {
        return true;
      }
    }
    return false;
  }

  /** Entries with a "building" record after their first "built" one; counts "building" per key. */
  private List<String> rebuiltAfterBuilt(Map<String, Integer> building) throws Exception {
    Path ledger;
    try (var files = Files.list(RunJournal.ledgerDir(work))) {
      ledger = files.filter(f -> f.toString().endsWith(".jsonl")).findFirst().orElseThrow();
    }
    ObjectMapper json = new ObjectMapper();
    Map<String, Boolean> built = new HashMap<>();
    List<String> rebuilt = new java.util.ArrayList<>();
    for (String line : Files.readAllLines(ledger)) {
      JsonNode record = json.readTree(line);
      if (!record.path("kind").asText().equals("plan")) {
        continue;
      }
      String key = record.get("ident").asText();
      String status = record.get("status").asText();
      if (status.equals("building")) {
        building.merge(key, 1, Integer::sum);
        if (built.containsKey(key)) {
          rebuilt.add(key);
        }
      } else if (status.equals("built")) {
        built.put(key, true);
      }
    }
    return rebuilt;
  }

  private Process start(int jobs, long millis) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            CrashWorld.class.getName(),
            work.toString(),
            String.valueOf(jobs),
            String.valueOf(millis))
        .redirectOutput(ProcessBuilder.Redirect.PIPE)
        .start();
  }
}
