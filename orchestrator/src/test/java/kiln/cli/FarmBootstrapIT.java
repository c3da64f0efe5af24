package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import kiln.testing.TestEngines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kiln bootstrap} of the tiny distribution over three real Docker engines: this machine's,
 * one of bin/engines' ({@code KILN_TEST_ENGINES}), and one this test starts for itself and kills
 * (its dockerd, SIGKILL) the moment the first build runs on it. The run finishes; the cut-off build
 * ran again on another host; nothing is recorded built twice or failed; the ledger names the host
 * of every attempt; no kiln container of the run is left on the engines still up.
 */
class FarmBootstrapIT {

  @TempDir Path dir;
  private final OwnEngine doomed = new OwnEngine("kiln-hosts-it");

  @AfterEach
  void stopOwnEngine() throws Exception {
    doomed.stop();
  }

  @Test
  void aHostKilledMidBuildCostsNoPlanAndTheRunFinishesOnTheOthers() throws Exception {
    String e1 = TestEngines.endpoints(1).get(0).toString();
    String own = doomed.start();
    Path config =
        TinyDistribution.write(
            dir,
            "studio: docker",
            String.join(
                "\n",
                "hosts:",
                "  - {name: main, endpoint: \"unix:///var/run/docker.sock\"}",
                "  - {name: e1, endpoint: \"" + e1 + "\"}",
                "  - {name: doomed, endpoint: \"" + own + "\", speed: 4}",
                ""));
    // stage1's bash, the doomed host's first build, runs long enough for the kill to land in it
    // (a build of a second or two could end, output and all, before a loaded machine kills)
    Path bash = dir.resolve("plans/bash/plan.sh");
    String slow = "do_build() { if [[ \"$STUDIO_TYPE\" == stage1 ]]; then sleep 15; fi; }";
    String bashPlan = Files.readString(bash);
    assertTrue(bashPlan.contains("do_build() { return 0; }"), bashPlan);
    Files.writeString(bash, bashPlan.replace("do_build() { return 0; }", slow));
    String work = dir.resolve(".kiln").toString();
    CompletableFuture<CliRun> run =
        CompletableFuture.supplyAsync(() -> CliRun.of("bootstrap", "--config", config.toString()));
    // the fastest host takes stage1's first build: kill its engine while that build runs
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (containers(own, work, false).isEmpty()) {
      assertTrue(System.nanoTime() < deadline, "no build ever started on the doomed host");
      assertTrue(!run.isDone(), "the run ended before a build ran on the doomed host");
      Thread.sleep(100);
    }
    doomed.killDockerd();
    CliRun done = run.get(10, TimeUnit.MINUTES);
    assertEquals(0, done.exit(), done.err());
    assertTrue(done.err().contains("queued crash/bash again: build host doomed"), done.err());

    List<String> interrupted = new ArrayList<>();
    Set<String> builtOn = new TreeSet<>();
    JsonNode status =
        new ObjectMapper()
            .readTree(CliRun.of("status", "--json", "--config", config.toString()).out());
    for (JsonNode stage : status.get("stages")) {
      for (JsonNode plan : stage.get("plans")) {
        String what = stage.get("name").asText() + " " + plan.get("ident").asText();
        assertEquals("built", plan.get("status").asText(), what);
        int built = 0;
        for (JsonNode attempt : plan.get("attempts")) {
          String outcome = attempt.get("outcome").asText();
          String host = attempt.path("host").asText("");
          assertTrue(Set.of("main", "e1", "doomed").contains(host), what + ": " + attempt);
          assertTrue(!outcome.equals("failed"), what + " has a failed attempt: " + attempt);
          if (outcome.equals("built")) {
            built++;
            builtOn.add(host);
            assertTrue(!host.equals("doomed"), what + " built on the killed host");
          } else if (outcome.equals("interrupted")) {
            assertEquals("doomed", host, what);
            interrupted.add(what);
          }
        }
        assertEquals(1, built, what + " recorded built once: " + plan.get("attempts"));
      }
    }
    assertEquals(List.of("stage1 crash/bash"), interrupted, "the build cut off on the doomed host");
    assertEquals(Set.of("e1", "main"), builtOn, "both hosts left built plans");
    for (String engine : List.of("unix:///var/run/docker.sock", e1)) {
      assertEquals(List.of(), containers(engine, work, true), "kiln containers left on " + engine);
    }
  }

  /** The ids of kiln's containers of this run's work directory on an engine (running or all). */
  private static List<String> containers(String engine, String work, boolean all) throws Exception {
    List<String> command = new ArrayList<>(List.of("docker", "-H", engine, "ps", "-q"));
    if (all) {
      command.add("-a");
    }
    command.addAll(List.of("--filter", "label=dev.kiln.work=" + work));
    Process ps = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(ps.getInputStream().readAllBytes()).strip();
    ps.waitFor();
    return out.isEmpty() ? List.of() : List.of(out.split("\n"));
  }

  /**
   * A Docker engine of this test's own, in a network namespace of its own (the recipe of
   * bin/engines, under its own names so that no other test's engine is touched), to kill.
   */
  static final class OwnEngine {
    private final String name;
    private final Path run;
    private final Path data;

    OwnEngine(String name) {
      this.name = name;
      this.run = Path.of("/run", name);
      this.data = Path.of("/var/lib", name);
    }

    /**
     * Starts it with {@code flags} added to dockerd's and waits until its socket answers; returns
     * the socket's endpoint.
     */
    String start(String... flags) throws Exception {
      stop(); // what an earlier, interrupted run of this test left
      String socket = "unix://" + run.resolve("docker.sock");
      sh(
          "mkdir -p "
              + run.resolve("exec")
              + " "
              + data
              + " && ip netns add "
              + name
              + " && nsenter --net=/run/netns/"
              + name
              + " ip link set lo up && { setsid nsenter --net=/run/netns/"
              + name
              + " dockerd --data-root "
              + data
              + " --exec-root "
              + run.resolve("exec")
              + " --pidfile "
              + run.resolve("docker.pid")
              + " -H "
              + socket
              + " "
              + String.join(" ", flags)
              + " --bridge=none --iptables=false --ip6tables=false >"
              + run.resolve("dockerd.log")
              + " 2>&1 </dev/null & }");
      for (int i = 0; i < 300; i++) {
        if (new ProcessBuilder("docker", "-H", socket, "info")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start()
                .waitFor()
            == 0) {
          return socket;
        }
        Thread.sleep(200);
      }
      throw new AssertionError(
          "the test's engine did not answer in 60s: "
              + Files.readString(run.resolve("dockerd.log")));
    }

    /** SIGKILL to its dockerd alone: its API stops answering at once. */
    void killDockerd() throws Exception {
      long pid = Long.parseLong(Files.readString(run.resolve("docker.pid")).strip());
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }

    /**
     * Ends every process of this engine (its dockerd, containerd and shims carry its folder in
     * their command line), by id, then unmounts and removes its folders and namespace.
     */
    void stop() throws Exception {
      String folder = run + "/";
      ProcessHandle.allProcesses()
          .filter(p -> p.info().commandLine().map(c -> c.contains(folder)).orElse(false))
          .forEach(ProcessHandle::destroyForcibly);
      Thread.sleep(500);
      sh(
          "awk -v a="
              + run
              + " -v b="
              + data
              + " '$2 == a || index($2, a \"/\") == 1 || $2 == b || index($2, b \"/\") == 1"
              + " { print $2 }' /proc/self/mounts | sort -r | xargs -r -n1 umount -l;"
              + " rm -rf "
              + run
              + " "
              + data
              + "; if [ -e /run/netns/"
              + name
              + " ]; then ip netns del "
              + name
              + "; fi; true");
    }

    /** Runs a bash script as root, failing the test with its output when it fails. */
    static void sh(String script) throws Exception {
      Process p = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      assertEquals(0, p.waitFor(), script + ": " + out);
    }
  }
}
