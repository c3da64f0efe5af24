package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import kiln.orchestrator.LedgerLines;
import kiln.orchestrator.ResultSets;
import kiln.resume.Recovery;
import kiln.resume.RunJournal;
import kiln.resume.StageName;
import kiln.testing.ChildJvm;
import kiln.testing.TestEngines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash test of the real command over three build hosts: {@code kiln bootstrap} (the packaged
 * jar, a JVM of its own) of the tiny distribution on this machine's engine and bin/engines' e1 and
 * e2, killed with SIGKILL four times, each at a moment read from its ledger and the engines: the
 * hand-over from stage2 to stage3; stage3 builds running on two hosts at once; a build just
 * recorded built while another runs on another host (and the next are being placed); the last build
 * running after the others spread over the hosts (the resumed run then builds on fewer hosts than
 * the killed one used). After each kill the ledger replays undamaged and no artifact names a
 * missing dependency; then {@code kiln bootstrap} resumes and finishes: what was built before a
 * kill is not built again (one {@code built} record each, the same sha256), each build a kill cut
 * off reads interrupted on its host (never failed) and is built once more, the results folders hold
 * exactly the ledger's artifacts, and no container of any of these kilns is left on any of the
 * three engines.
 */
class FarmCrashIT {

  static final String MAIN = "unix:///var/run/docker.sock";

  @TempDir Path dir;

  private Path work;
  private final Map<String, String> engines = new LinkedHashMap<>(); // host name -> endpoint
  private final List<Process> started = new ArrayList<>(); // every kiln, killed or not
  private final List<Long> pids = new ArrayList<>(); // their pids, the label of their containers

  /**
   * When the test fails midway: ends the kiln still running and removes what the kilns of this test
   * left on the engines (theirs alone, by their pid label), so a failure leaves nothing.
   */
  @AfterEach
  void removeWhatTheKilnsLeft() throws Exception {
    for (Process kiln : started) {
      kiln.destroyForcibly(); // these very processes: a dead one's pid may name another by now
    }
    for (String engine : engines.values()) {
      for (long pid : pids) {
        List<String> left = containers(engine, "dev.kiln.pid=" + pid);
        if (!left.isEmpty()) {
          List<String> rm = new ArrayList<>(List.of("docker", "-H", engine, "rm", "-f"));
          rm.addAll(left);
          new ProcessBuilder(rm).redirectErrorStream(true).start().waitFor();
        }
      }
    }
  }

  @Test
  void killedOverThreeHostsItResumesRebuildsOnlyWhatWasCutAndLeavesNoContainerOnAnyHost()
      throws Exception {
    List<String> extra = TestEngines.endpoints(2).stream().map(Object::toString).toList();
    engines.put("e1", extra.get(0));
    engines.put("e2", extra.get(1));
    engines.put("main", MAIN);
    // the remote hosts are the fastest, so stage1 and stage2 and the first stage3 builds run there
    Map<String, Integer> speeds = Map.of("e1", 3, "e2", 2, "main", 1);
    StringBuilder hosts = new StringBuilder("hosts:\n");
    engines.forEach(
        (name, endpoint) ->
            hosts.append(
                "  - {name: %s, endpoint: \"%s\", speed: %d}\n"
                    .formatted(name, endpoint, speeds.get(name))));
    Path config = TinyDistribution.write(dir, "studio: docker", hosts.toString());
    // w5 outlasts w1, so the kill at a build's end (w1 built, w2 and w3 placed) finds w5 running
    for (String world : BootstrapCrashIT.WORLD) {
      Path plan = dir.resolve("plans/" + world + "/plan.sh");
      String text = Files.readString(plan);
      String sleep = world.equals("w5") ? "sleep 8" : "sleep 3";
      assertTrue(text.contains("do_build() { sleep 2; }"), text);
      Files.writeString(
          plan, text.replace("do_build() { sleep 2; }", "do_build() { " + sleep + "; }"));
    }
    work = dir.resolve(".kiln");

    Map<String, String> builtBefore = new TreeMap<>(); // entry -> sha256, recorded before a kill
    List<String> cut = new ArrayList<>(); // "entry on host" of every build a kill cut off
    String[] args = {"bootstrap", "--config", config.toString()};

    String w4 = "stage3 crash/w4";
    List<Kill> kills =
        List.of(
            // stage2's last build recorded, stage3 being set up on the hosts: no build running
            new Kill(
                "the hand-over from stage2 to stage3",
                m -> m.stage2Built() == 2 && m.stage3Started() == 0,
                m -> Set.of(),
                false),
            new Kill(
                "stage3 builds on two hosts",
                m -> m.openHosts().size() >= 2 && m.openHosts().stream().allMatch(this::studioRuns),
                InFlight::openHosts,
                true),
            // w1 just recorded built, w5 still running elsewhere, w2 and w3 being placed
            new Kill(
                "a build's end while another runs",
                m -> m.builtNow() >= 1 && !m.open().isEmpty(),
                m -> Set.of(),
                false),
            new Kill(
                "the last build",
                m -> m.open().containsKey(w4) && studioRuns(m.open().get(w4)),
                m -> Set.of(m.open().get(w4)),
                false));
    for (int k = 0; k < kills.size(); k++) {
      Kill kill = kills.get(k);
      Path log = dir.resolve("attempt-" + k + ".log");
      int before = LedgerLines.read(work).size();
      Process kiln = start(log, args);
      InFlight at = awaitThenKill(kiln, log, before, kill);
      System.out.printf("FarmCrashIT: killed at %s: %s%n", kill.name(), at);
      at.open().forEach((entry, host) -> cut.add(entry + " on " + host));
      Recovery recovery = RunJournal.read(work).orElseThrow().recovery();
      assertFalse(recovery.damaged(), recovery.describe("ledger"));
      assertHartsConsistent();
      for (JsonNode r : LedgerLines.read(work)) {
        if (r.path("status").asText().equals("built")) {
          builtBefore.put(LedgerLines.entry(r), r.get("sha256").asText());
        }
      }
      long killed = pids.get(pids.size() - 1);
      for (String host : kill.studiosOn().apply(at)) {
        assertFalse(
            containers(engines.get(host), "dev.kiln.pid=" + killed).isEmpty(),
            "the killed kiln's studio on " + host + " outlives it (else this test proves nothing)");
      }
      if (kill.thenStudioRm()) {
        // the manual way: `kiln studio rm --engine` removes a dead kiln's containers there
        String e2 = engines.get("e2");
        Process rm = start(dir.resolve("studio-rm.log"), "studio", "rm", "--engine", e2);
        assertTrue(rm.waitFor(2, TimeUnit.MINUTES), "kiln studio rm ends");
        assertEquals(0, rm.exitValue(), Files.readString(dir.resolve("studio-rm.log")));
        assertEquals(List.of(), containers(e2, "dev.kiln.pid=" + killed), "left on e2 after rm");
      }
    }
    assertTrue(
        cut.stream().anyMatch(c -> c.endsWith(" on e1"))
            && cut.stream().anyMatch(c -> c.endsWith(" on e2")),
        "the kills cut builds on both remote hosts: " + cut);

    Path log = dir.resolve("attempt-last.log");
    Process kiln = start(log, args);
    assertTrue(kiln.waitFor(10, TimeUnit.MINUTES), "the resumed kiln ends");
    String said = Files.readString(log);
    assertEquals(0, kiln.exitValue(), said);
    assertFalse(said.contains("is damaged"), said);

    List<JsonNode> records = LedgerLines.read(work);
    assertEquals(Map.of(), LedgerLines.builtMoreThanOnce(records), "recorded built twice");
    assertEquals(List.of(), LedgerLines.rebuiltAfterBuilt(records), "built after recorded built");
    List<String> interrupted = new ArrayList<>();
    for (Map.Entry<String, JsonNode> each : statusPlans(config).entrySet()) {
      String entry = each.getKey();
      JsonNode plan = each.getValue();
      assertEquals("built", plan.get("status").asText(), entry);
      List<String> outcomes = new ArrayList<>();
      for (JsonNode attempt : plan.get("attempts")) {
        String outcome = attempt.get("outcome").asText();
        outcomes.add(outcome);
        if (outcome.equals("interrupted")) {
          interrupted.add(entry + " on " + attempt.path("host").asText());
        }
      }
      assertFalse(outcomes.contains("failed"), entry + " has a failed attempt: " + outcomes);
      assertEquals(1, outcomes.stream().filter("built"::equals).count(), entry + ": " + outcomes);
      if (builtBefore.containsKey(entry)) {
        String sha = sha256(Path.of(plan.get("artifact").asText()));
        assertEquals(builtBefore.get(entry), sha, entry + " is the artifact built before a kill");
      }
    }
    assertEquals(sorted(cut), sorted(interrupted), "the builds the kills cut, each interrupted");
    ResultSets.assertLedgerConsistent(
        work,
        Map.of(
            StageName.STAGE1, dir.resolve("results-stage1"),
            StageName.STAGE2, dir.resolve("results-stage2"),
            StageName.STAGE3, dir.resolve("results-stage3")));
    assertHartsConsistent();

    for (Map.Entry<String, String> engine : engines.entrySet()) {
      assertEquals(
          List.of(),
          containers(engine.getValue(), "dev.kiln.work=" + work.toAbsolutePath()),
          "studios of this work directory left on " + engine.getKey());
      for (long pid : pids) {
        assertEquals(
            List.of(),
            containers(engine.getValue(), "dev.kiln.pid=" + pid),
            "containers of kiln " + pid + " left on " + engine.getKey());
      }
    }
  }

  /**
   * A moment to kill at, judged from what the attempt recorded and the engines show; the hosts
   * where a studio of the killed kiln must then be left (kiln cannot remove them when killed); and
   * whether {@code kiln studio rm --engine} then clears one of them by hand.
   */
  private record Kill(
      String name,
      Predicate<InFlight> when,
      Function<InFlight, Set<String>> studiosOn,
      boolean thenStudioRm) {}

  /**
   * Where a run is, from its ledger: the stage3 builds open (entry to host), the stage3 builds this
   * attempt recorded built, stage2's built records and stage3's building records.
   */
  private record InFlight(
      Map<String, String> open, int builtNow, int stage2Built, int stage3Started) {
    Set<String> openHosts() {
      return new TreeSet<>(open.values());
    }

    static InFlight of(List<JsonNode> records, int before) {
      Map<String, String> open = new TreeMap<>();
      int built = 0;
      int stage2Built = 0;
      int started = 0;
      for (int i = 0; i < records.size(); i++) {
        JsonNode r = records.get(i);
        if (!r.path("kind").asText().equals("plan")) {
          continue;
        }
        String stage = r.path("stage").asText();
        String status = r.get("status").asText();
        if (stage.equals("stage2")) {
          stage2Built += status.equals("built") ? 1 : 0;
        } else if (stage.equals("stage3") && status.equals("building")) {
          open.put(LedgerLines.entry(r), r.path("host").asText());
          started++;
        } else if (stage.equals("stage3")) {
          open.remove(LedgerLines.entry(r));
          built += status.equals("built") && i >= before ? 1 : 0;
        }
      }
      return new InFlight(open, built, stage2Built, started);
    }
  }

  /** Watches the ledger (every 50 ms) until {@code moment}, then SIGKILLs kiln. */
  private InFlight awaitThenKill(Process kiln, Path log, int before, Kill kill) throws Exception {
    String name = kill.name();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (true) {
      assertTrue(System.nanoTime() < deadline, "no " + name + " within 5 minutes");
      assertTrue(kiln.isAlive(), "kiln ended before " + name + ": " + Files.readString(log));
      InFlight now = InFlight.of(LedgerLines.read(work), before);
      if (kill.when().test(now)) {
        kiln.destroyForcibly(); // SIGKILL on Linux
        assertTrue(kiln.waitFor(1, TimeUnit.MINUTES), "a killed kiln is gone");
        return InFlight.of(LedgerLines.read(work), before);
      }
      Thread.sleep(50);
    }
  }

  private boolean studioRuns(String host) {
    try {
      return !containers(engines.get(host), "dev.kiln.work=" + work.toAbsolutePath(), "running")
          .isEmpty();
    } catch (Exception e) {
      throw new AssertionError("cannot list the containers on " + host, e);
    }
  }

  /** The ids of the containers on an engine with a label (and a state, if given). */
  private static List<String> containers(String engine, String label, String... state)
      throws Exception {
    List<String> command =
        new ArrayList<>(List.of("docker", "-H", engine, "ps", "-aq", "--filter", "label=" + label));
    for (String s : state) {
      command.addAll(List.of("--filter", "status=" + s));
    }
    Process ps = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(ps.getInputStream().readAllBytes()).strip();
    assertEquals(0, ps.waitFor(), String.join(" ", command) + ": " + out);
    return out.isEmpty() ? List.of() : List.of(out.split("\n"));
  }

  /** {@code kiln status --json}'s plans by entry ({@code stage ident}). */
  private static Map<String, JsonNode> statusPlans(Path config) throws Exception {
    CliRun status = CliRun.of("status", "--json", "--config", config.toString());
    assertEquals(0, status.exit(), status.err());
    Map<String, JsonNode> plans = new TreeMap<>();
    for (JsonNode stage : new ObjectMapper().readTree(status.out()).get("stages")) {
      stage
          .get("plans")
          .forEach(p -> plans.put(stage.get("name").asText() + " " + p.get("ident").asText(), p));
    }
    return plans;
  }

  private void assertHartsConsistent() throws Exception {
    Path s1 = dir.resolve("results-stage1");
    Path s2 = dir.resolve("results-stage2");
    ResultSets.assertHartsConsistent(s1);
    ResultSets.assertHartsConsistent(s2, s1);
    ResultSets.assertHartsConsistent(dir.resolve("results-stage3"), s2, s1);
  }

  private static List<String> sorted(List<String> items) {
    return items.stream().sorted().toList();
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  /** The packaged command line in a JVM of its own, its output into {@code log}. */
  private Process start(Path log, String... args) throws Exception {
    Process p =
        ChildJvm.with("-XX:+UseSerialGC")
            .jar(Path.of("target", "kiln.jar"), List.of(args))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    started.add(p);
    pids.add(p.pid());
    return p;
  }
}
