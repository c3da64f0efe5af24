package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kiln.orchestrator.LedgerLines;
import kiln.resume.Recovery;
import kiln.resume.RunJournal;
import kiln.resume.RunState;
import kiln.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash test of the real command: {@code kiln bootstrap} (the packaged jar, in a JVM of its
 * own) on a tiny distribution built in chroot studios (bubblewrap) from a tools tarball of static
 * busybox and bash: 2 base plans (stage1 and stage2) and 5 world plans (stage3). It is killed with
 * SIGKILL at random moments 16 times, restarted each time (once the run is done, the kills go on
 * hitting resumes of the done run), and run to the end once more. Then: every entry is built, the
 * ledger was never damaged, no entry was recorded built twice or built again after it was, and each
 * results folder holds exactly one artifact per entry.
 */
class BootstrapCrashIT {

  static final int KILLS = 16;

  /** The kill schedule's default seed; {@code -Dkiln.crash.seed=N} tries another. */
  static final long SEED = 20261202L;

  /**
   * A kill comes a uniformly random delay after an anchor chosen uniformly among the kiln's start
   * and its output lines: the first six, or up to two more than the attempt before printed, so the
   * kills follow the run as it gets further. The delay is up to the longest quiet spell seen so far
   * between two output lines (a base build: packing a 2 MB static binary takes 3-8 s), at least 3
   * s, so a kill during a shorter build can come after it as well as before. Plain delays after the
   * start would almost never reach stage3, as every resume reinstalls the stages before. This way
   * the kills spread over JVM start-up, the lock, ledger replay, each stage's set-up (its stage and
   * queued records, installing the stage before's artifacts), the builds of every stage, and the
   * moments between a build's publishing and its record.
   */
  static final int ANCHORS = 6;

  static final long MIN_DELAY_MILLIS = 3000;

  /** The longest time seen between two output lines of a kiln, in ms. */
  private long quietest;

  static final List<String> WORLD = List.of("w1", "w2", "w3", "w4", "w5");

  @TempDir Path dir;

  @Test
  void aBootstrapKilledAtRandomMomentsResumesToTheEndAndNothingFinishedIsRebuilt()
      throws Exception {
    long seed = Long.getLong("kiln.crash.seed", SEED);
    System.out.println(
        "BootstrapCrashIT: seed " + seed + " (again: -Dkiln.crash.seed=" + seed + ")");
    Random random = new Random(seed);
    Path config = TinyDistribution.write(dir, "studio: chroot", "");
    Path work = dir.resolve(".kiln");

    int kills = 0;
    int tornTails = 0;
    int killsBeforeDone = -1; // the kills it took until an attempt first ended by itself
    Map<String, Integer> phases = new TreeMap<>();
    long printed = 0;
    for (int attempt = 0; true; attempt++) {
      int recordsBefore = LedgerLines.read(work).size();
      Path log = dir.resolve("attempt-" + attempt + ".log");
      Process kiln = start(log, "bootstrap", "--config", config.toString());
      // Until the run is done, the anchor may lie past where the last attempt got; after, it is
      // one of the lines every resume of the done run prints.
      long anchors = killsBeforeDone < 0 ? Math.max(ANCHORS, printed + 2) : Math.max(0, printed);
      int anchor = random.nextInt((int) anchors + 1);
      double fraction = random.nextDouble();
      boolean last = kills == KILLS;
      boolean killed = !last && runUntilKilled(kiln, log, anchor, fraction);
      printed = lines(log) - 1;
      assertTrue(kiln.waitFor(5, TimeUnit.MINUTES), "kiln ends: " + Files.readString(log));
      String said = Files.readString(log);
      assertFalse(said.contains("is damaged"), said);
      Optional<RunState> run = RunJournal.read(work);
      if (run.isPresent()) {
        Recovery recovery = run.get().recovery();
        assertFalse(recovery.damaged(), recovery.describe("ledger"));
        tornTails += recovery.tornTail() > 0 ? 1 : 0;
      }
      if (killed) {
        kills++;
        String phase = LedgerLines.phase(recordsBefore, LedgerLines.read(work));
        phases.merge(killsBeforeDone < 0 ? phase : "the done run's resume", 1, Integer::sum);
      } else {
        assertEquals(0, kiln.exitValue(), said);
        killsBeforeDone = killsBeforeDone < 0 ? kills : killsBeforeDone;
        if (last) {
          break;
        }
      }
    }
    // Once the run is done, the kills go on: they hit a resume that verifies and reinstalls.
    System.out.printf(
        "BootstrapCrashIT: %d kills (%s), the run first done after %d, %d torn tails%n",
        kills, phases, killsBeforeDone, tornTails);

    Map<String, List<JsonNode>> stages = status(config);
    assertEquals(Set.of("stage1", "stage2", "stage3"), stages.keySet(), stages.toString());
    for (List<JsonNode> plans : stages.values()) {
      plans.forEach(p -> assertEquals("built", p.get("status").asText(), p.toString()));
    }
    assertEquals(WORLD.size(), stages.get("stage3").size(), stages.toString());
    assertTrue(noDamagedCopies(work), "the ledger was never set aside as damaged");

    List<JsonNode> records = LedgerLines.read(work);
    assertEquals(Map.of(), LedgerLines.builtMoreThanOnce(records), "recorded built twice");
    assertEquals(List.of(), LedgerLines.rebuiltAfterBuilt(records), "built after recorded built");
    int redone = LedgerLines.buildingRecords(records).values().stream().mapToInt(n -> n - 1).sum();
    assertTrue(redone <= kills * 2, "only builds in flight (2 at most) are redone: " + redone);

    // A kill between a build's publishing its artifact and kiln's recording it leaves that
    // artifact in the results folder; the rebuild must not leave it beside its own.
    for (Map.Entry<String, List<JsonNode>> stage : stages.entrySet()) {
      Set<Path> recorded = new TreeSet<>();
      stage.getValue().forEach(p -> recorded.add(Path.of(p.get("artifact").asText())));
      assertEquals(
          recorded,
          harts(dir.resolve("results-" + stage.getKey())),
          "exactly one artifact per built entry in results-" + stage.getKey());
    }
  }

  /**
   * Lets kiln run to the chosen anchor (0: its start, n: its n-th output line), then a random
   * delay, then kills it with SIGKILL. Its output goes straight to {@code log} (nothing is lost
   * when it dies), which is read every 20 ms to find the anchor and to time the quiet spells
   * between lines (a spell cut short by the kill counts too: the build it was in took at least as
   * long, so the window grows until the kills can come after a build as well as during it).
   *
   * @return false when kiln ended by itself first
   */
  private boolean runUntilKilled(Process kiln, Path log, int anchor, double fraction)
      throws Exception {
    Spells spells = new Spells(log);
    while (spells.seen < anchor) {
      if (kiln.waitFor(20, TimeUnit.MILLISECONDS)) {
        return false;
      }
      spells.look();
    }
    long delay = (long) (fraction * Math.max(MIN_DELAY_MILLIS, quietest));
    long deadline = System.nanoTime() + delay * 1_000_000;
    while (System.nanoTime() < deadline) {
      long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
      if (kiln.waitFor(Math.min(20, left), TimeUnit.MILLISECONDS)) {
        return false;
      }
      spells.look();
    }
    kiln.destroyForcibly(); // SIGKILL on Linux
    assertTrue(kiln.waitFor(1, TimeUnit.MINUTES), "a killed kiln is gone");
    spells.cut();
    String at = anchor == 0 ? "the start" : "line " + anchor;
    List<String> said = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
    System.out.printf(
        "BootstrapCrashIT: %s killed %d ms after %s (%d lines, the last: %s)%n",
        log.getFileName(),
        delay,
        at,
        said.size(),
        said.isEmpty() ? "none" : said.get(said.size() - 1));
    Files.writeString(
        log, "--- killed " + delay + " ms after " + at + "\n", StandardOpenOption.APPEND);
    return true;
  }

  /** Times the spells between a kiln's output lines into {@link #quietest}. */
  private final class Spells {
    private final Path log;
    private long seen;
    private long since = System.nanoTime();

    Spells(Path log) {
      this.log = log;
    }

    void look() throws IOException {
      long now = lines(log);
      if (now > seen) {
        cut();
        seen = now;
        since = System.nanoTime();
      }
    }

    void cut() {
      quietest = Math.max(quietest, (System.nanoTime() - since) / 1_000_000);
    }
  }

  private static long lines(Path log) throws IOException {
    return Files.readString(log, StandardCharsets.ISO_8859_1)
        .chars()
        .filter(c -> c == '\n')
        .count();
  }

  /** {@code kiln status --json}: each stage's plans, by stage name. */
  private static Map<String, List<JsonNode>> status(Path config) throws Exception {
    CliRun status = CliRun.of("status", "--json", "--config", config.toString());
    assertEquals(0, status.exit(), status.err());
    String out = status.out();
    Map<String, List<JsonNode>> stages = new TreeMap<>();
    for (JsonNode stage : new ObjectMapper().readTree(out).get("stages")) {
      List<JsonNode> plans = new ArrayList<>();
      stage.get("plans").forEach(plans::add);
      stages.put(stage.get("name").asText(), plans);
    }
    return stages;
  }

  private static boolean noDamagedCopies(Path work) throws IOException {
    try (Stream<Path> files = Files.list(RunJournal.ledgerDir(work))) {
      return files.noneMatch(f -> f.getFileName().toString().contains(".damaged-"));
    }
  }

  private static Set<Path> harts(Path results) throws IOException {
    try (Stream<Path> files = Files.list(results)) {
      return new TreeSet<>(files.filter(f -> f.toString().endsWith(".hart")).toList());
    }
  }

  /** The packaged command line in a JVM of its own, its output and errors into {@code log}. */
  private static Process start(Path log, String... args) throws IOException {
    return ChildJvm.with("-XX:+UseSerialGC")
        .jar(Path.of("target", "kiln.jar"), List.of(args))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }
}
