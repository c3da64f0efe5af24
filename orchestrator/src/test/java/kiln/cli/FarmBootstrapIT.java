package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import kiln.testing.TestEngines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kiln bootstrap} of the tiny distribution over three real Docker engines, by the packaged
 * command: this machine's, bin/engines' ({@code KILN_TEST_ENGINES}) and, for the faults, engines
 * this test starts for itself. Three healthy hosts: every plan built once, each host built some,
 * every artifact verifies. A host's engine killed (SIGKILL to its dockerd) the moment the first
 * build runs on it: the run finishes, the cut-off build ran again on another host, nothing is
 * recorded built twice or failed. A host whose every container start fails (an engine whose default
 * runtime is {@code /bin/false}, its API answering): quarantined with a line naming it, nothing
 * recorded failed, everything built on the others. After each run no container of it is left on any
 * engine still up.
 */
class FarmBootstrapIT {

  private static final String MAIN = "unix:///var/run/docker.sock";

  @TempDir Path dir;
  private final OwnEngine doomed = new OwnEngine("kiln-hosts-it");
  private final OwnEngine broken =
      new OwnEngine(
          "kiln-broken-it", "--add-runtime", "broken=/bin/false", "--default-runtime=broken");

  @AfterEach
  void stopOwnEngines() throws Exception {
    doomed.stop();
    broken.stop();
  }

  @Test
  void threeHostsEachBuildPartOfTheRunAndEveryArtifactVerifies() throws Exception {
    List<String> extra = TestEngines.endpoints(2).stream().map(Object::toString).toList();
    Path config =
        TinyDistribution.write(
            dir,
            "studio: docker",
            hosts("main " + MAIN, "e1 " + extra.get(0), "e2 " + extra.get(1)));
    // w1 and w5 start together on main and e1; w5 keeps e1 busy while w1's dependents w2 and w3
    // come ready, so that one of them goes to e2
    slowBuild("w5", "do_build() { sleep 2; }", "do_build() { sleep 20; }");
    FarmRun run = FarmRun.bootstrap(config);
    run.finished();

    FarmRun.Attempts attempts = run.attempts(Set.of("main", "e1", "e2"));
    assertEquals(List.of(), attempts.interrupted());
    assertEquals(Set.of("main", "e1", "e2"), attempts.builtOn().keySet(), "built on each host");
    assertEquals(
        9, attempts.builtOn().values().stream().mapToInt(Integer::intValue).sum(), "every build");
    assertEquals(9, attempts.artifacts().size(), "2 + 2 base builds, 5 of the world");
    run.assertEveryArtifactVerifies(attempts);
    run.assertNothingLeftOn(MAIN, extra.get(0), extra.get(1));
  }

  @Test
  void aHostKilledMidBuildCostsNoPlanAndTheRunFinishesOnTheOthers() throws Exception {
    String own = doomed.start();
    Path config = withOwnHost("doomed", own);
    // stage1's bash, the doomed host's first build, runs long enough for the kill to land in it
    // (a build of a second or two could end, output and all, before a loaded machine kills)
    slowBuild(
        "bash",
        "do_build() { return 0; }",
        "do_build() { if [[ \"$STUDIO_TYPE\" == stage1 ]]; then sleep 15; fi; }");
    FarmRun run = FarmRun.bootstrap(config);
    // the fastest host takes stage1's first build: kill its engine while that build runs
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (!run.buildsOn(own)) {
      assertTrue(System.nanoTime() < deadline, "no build ever started on the doomed host");
      assertTrue(run.isAlive(), "the run ended before a build ran on the doomed host");
      Thread.sleep(100);
    }
    doomed.killDockerd();
    String out = run.finished();
    assertTrue(out.contains("queued crash/bash again: build host doomed"), out);

    FarmRun.Attempts attempts = run.attempts(Set.of("main", "e1", "doomed"));
    assertEquals(
        List.of("stage1 crash/bash on doomed"),
        attempts.interrupted(),
        "the build cut off on the doomed host, and nothing else");
    assertEquals(Set.of("main", "e1"), attempts.builtOn().keySet(), "both hosts left built plans");
    run.assertNothingLeftOn(MAIN, e1());
  }

  @Test
  void aHostWhoseStudioFailsEveryBuildIsQuarantinedAndTheRunFinishesOnTheOthers() throws Exception {
    String bad = broken.start();
    Path config = withOwnHost("broken", bad); // offered every build while it is up
    FarmRun run = FarmRun.bootstrap(config);
    String out = run.finished();
    assertTrue(out.contains("build host broken is quarantined"), out);

    FarmRun.Attempts attempts = run.attempts(Set.of("main", "e1", "broken"));
    assertTrue(!attempts.interrupted().isEmpty(), "the broken host was offered builds: " + out);
    for (String cut : attempts.interrupted()) {
      assertTrue(cut.endsWith(" on broken"), cut);
    }
    assertTrue(!attempts.builtOn().containsKey("broken"), attempts.toString());
    run.assertNothingLeftOn(MAIN, e1(), bad);
  }

  /**
   * The tiny distribution on this machine's engine, e1, and {@code name} at {@code endpoint}, the
   * fastest (speed 4): stage1's first build goes to it.
   */
  private Path withOwnHost(String name, String endpoint) throws Exception {
    return TinyDistribution.write(
        dir, "studio: docker", hosts("main " + MAIN, "e1 " + e1(), name + " " + endpoint + " 4"));
  }

  private static String e1() {
    return TestEngines.endpoints(1).get(0).toString();
  }

  /** The lines of kiln.yaml's {@code hosts} for hosts given as "name endpoint [speed]". */
  private static String hosts(String... hosts) {
    StringBuilder yaml = new StringBuilder("hosts:\n");
    for (String host : hosts) {
      String[] parts = host.split(" ");
      yaml.append("  - {name: ")
          .append(parts[0])
          .append(", endpoint: \"")
          .append(parts[1])
          .append('"')
          .append(parts.length > 2 ? ", speed: " + parts[2] : "")
          .append("}\n");
    }
    return yaml.toString();
  }

  /** Replaces {@code plan}'s build function {@code was} with {@code now}. */
  private void slowBuild(String plan, String was, String now) throws IOException {
    Path file = dir.resolve("plans").resolve(plan).resolve("plan.sh");
    String text = Files.readString(file);
    assertTrue(text.contains(was), text);
    Files.writeString(file, text.replace(was, now));
  }

  /**
   * A Docker engine of this test's own, in a network namespace of its own (the recipe of
   * bin/engines, under its own names so that no other test's engine is touched), to kill.
   */
  static final class OwnEngine {
    private final String name;
    private final Path run;
    private final Path data;
    private final List<String> options;
    private List<String> flags = List.of();

    /**
     * @param options more dockerd options, e.g. a default runtime that makes every container fail
     */
    OwnEngine(String name, String... options) {
      this.name = name;
      this.run = Path.of("/run", name);
      this.data = Path.of("/var/lib", name);
      this.options = List.of(options);
    }

    /**
     * Starts it with {@code flags} added to dockerd's (after the constructor's options: flags made
     * at start, such as certificate paths) and waits until its socket answers; returns the socket's
     * endpoint.
     */
    String start(String... flags) throws Exception {
      stop(); // what an earlier, interrupted run of this test left
      sh(
          "mkdir -p "
              + run.resolve("exec")
              + " "
              + data
              + " && ip netns add "
              + name
              + " && nsenter --net=/run/netns/"
              + name
              + " ip link set lo up");
      this.flags = List.of(flags);
      return launch();
    }

    /**
     * Starts its dockerd again after {@link #killDockerd}, on the same folders (its containers and
     * images are still there, as on a host that rebooted), and waits until it answers.
     */
    String restartDockerd() throws Exception {
      long pid = Long.parseLong(Files.readString(run.resolve("docker.pid")).strip());
      ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
      Files.deleteIfExists(run.resolve("docker.pid"));
      return launch();
    }

    /** Starts its dockerd in its namespace and waits until its socket answers. */
    private String launch() throws Exception {
      String socket = "unix://" + run.resolve("docker.sock");
      sh(
          "{ setsid nsenter --net=/run/netns/"
              + name
              + " dockerd --data-root "
              + data
              + " --exec-root "
              + run.resolve("exec")
              + " --pidfile "
              + run.resolve("docker.pid")
              + " -H "
              + socket
              + " --bridge=none --iptables=false --ip6tables=false "
              + String.join(" ", options)
              + " "
              + String.join(" ", flags)
              + " >>"
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
