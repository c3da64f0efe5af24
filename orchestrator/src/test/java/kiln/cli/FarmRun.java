package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kiln.testing.ChildJvm;

/**
 * One {@code kiln bootstrap} of a build-farm test, run by the packaged command in a JVM of its own
 * (so that everything kiln does at its exit, removing the marks that hold its studio images
 * included, is done when it ends), and what a user checks afterwards: the ledger's attempts and
 * hosts, the artifacts, and the containers left on each engine.
 */
final class FarmRun {

  private final Path config;
  private final Path log;
  private final Process kiln;
  private final String pid;
  private final String started;

  private FarmRun(Path config, Path log, Process kiln) {
    this.config = config;
    this.log = log;
    this.kiln = kiln;
    this.pid = Long.toString(kiln.pid());
    // read now: once the process has ended its start time can no longer be asked
    this.started = kiln.info().startInstant().map(Instant::toString).orElse("");
  }

  /** Starts {@code kiln bootstrap --config CONFIG}; its output goes to a log beside kiln.yaml. */
  static FarmRun bootstrap(Path config) throws IOException {
    Path log = config.resolveSibling("bootstrap.log");
    Process kiln =
        ChildJvm.with("-XX:+UseSerialGC")
            .jar(Path.of("target", "kiln.jar"), List.of("bootstrap", "--config", config.toString()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    return new FarmRun(config, log, kiln);
  }

  boolean isAlive() {
    return kiln.isAlive();
  }

  /** Waits for the run to end (at most 6 minutes) and asserts it succeeded; returns its output. */
  String finished() throws Exception {
    if (!kiln.waitFor(6, TimeUnit.MINUTES)) {
      kiln.destroy();
      kiln.waitFor(1, TimeUnit.MINUTES);
      throw new AssertionError("the run did not end in 6 minutes: " + Files.readString(log));
    }
    String out = Files.readString(log);
    assertEquals(0, kiln.exitValue(), out);
    return out;
  }

  /**
   * Every plan of every stage is built, recorded built exactly once, never failed, and only on
   * {@code hosts}; returns the built attempts by host, and the interrupted ones as "stage ident".
   */
  Attempts attempts(Set<String> hosts) throws Exception {
    CliRun status = CliRun.of("status", "--json", "--config", config.toString());
    Map<String, Integer> builtOn = new TreeMap<>();
    List<String> interrupted = new ArrayList<>();
    Set<Path> artifacts = new TreeSet<>();
    for (JsonNode stage : new ObjectMapper().readTree(status.out()).get("stages")) {
      for (JsonNode plan : stage.get("plans")) {
        String what = stage.get("name").asText() + " " + plan.get("ident").asText();
        assertEquals("built", plan.get("status").asText(), what);
        int built = 0;
        for (JsonNode attempt : plan.get("attempts")) {
          String outcome = attempt.get("outcome").asText();
          String host = attempt.path("host").asText("");
          assertTrue(hosts.contains(host), what + " ran on an unknown host: " + attempt);
          assertTrue(!outcome.equals("failed"), what + " has a failed attempt: " + attempt);
          if (outcome.equals("built")) {
            built++;
            builtOn.merge(host, 1, Integer::sum);
          } else if (outcome.equals("interrupted")) {
            interrupted.add(what + " on " + host);
          }
        }
        assertEquals(1, built, what + " recorded built once: " + plan.get("attempts"));
        artifacts.add(Path.of(plan.get("artifact").asText()));
      }
    }
    return new Attempts(builtOn, interrupted, artifacts);
  }

  /**
   * The built attempts per host, the interrupted ones ("stage origin/name on host") and the
   * artifacts the ledger records built.
   */
  record Attempts(Map<String, Integer> builtOn, List<String> interrupted, Set<Path> artifacts) {}

  /**
   * The results folders of stage1 to stage3 hold exactly the artifacts the ledger records built,
   * and each verifies with the origin's key, as {@code kiln hart verify} checks it.
   */
  void assertEveryArtifactVerifies(Attempts recorded) throws IOException {
    Path dir = config.getParent();
    Set<Path> verified = new TreeSet<>();
    for (String stage : List.of("stage1", "stage2", "stage3")) {
      try (Stream<Path> files = Files.list(dir.resolve("results-" + stage))) {
        for (Path hart : files.filter(f -> f.toString().endsWith(".hart")).toList()) {
          CliRun verify =
              CliRun.of(
                  "hart", "verify", hart.toString(), "--keys", dir.resolve("keys").toString());
          assertEquals(0, verify.exit(), hart + ": " + verify.err());
          verified.add(hart.toAbsolutePath());
        }
      }
    }
    assertEquals(recorded.artifacts(), verified, "the results folders hold what the ledger says");
  }

  /**
   * No container of this kiln is left on any of {@code engines}, running or not: its studios and
   * upload containers (labelled with its work directory) and the marks holding its images (labelled
   * with its process).
   */
  void assertNothingLeftOn(String... engines) throws Exception {
    for (String engine : engines) {
      assertNothingLeftOn(engine);
    }
  }

  private void assertNothingLeftOn(String engine) throws Exception {
    String work = config.resolveSibling(".kiln").toString();
    List<String> left = new ArrayList<>(containers(engine, "dev.kiln.work=" + work));
    if (!started.isEmpty()) {
      left.addAll(containers(engine, "dev.kiln.pid=" + pid, "dev.kiln.pid-start=" + started));
    }
    assertEquals(List.of(), left, "kiln containers left on " + engine);
  }

  /** Whether a build of this run's work directory is running on {@code engine} now. */
  boolean buildsOn(String engine) throws Exception {
    String work = config.resolveSibling(".kiln").toString();
    return !containers(engine, "dev.kiln.work=" + work).stream()
        .filter(c -> c.contains(" Up "))
        .toList()
        .isEmpty();
  }

  /** The containers on {@code engine} with all these labels: "id status" lines. */
  private static List<String> containers(String engine, String... labels) throws Exception {
    List<String> command = new ArrayList<>(List.of("docker", "-H", engine, "ps", "-a"));
    for (String label : labels) {
      command.addAll(List.of("--filter", "label=" + label));
    }
    command.addAll(List.of("--format", "{{.ID}} {{.Status}} {{.Names}}"));
    Process ps = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(ps.getInputStream().readAllBytes()).strip();
    assertEquals(0, ps.waitFor(), String.join(" ", command) + ": " + out);
    return out.isEmpty() ? List.of() : List.of(out.split("\n"));
  }
}
