package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import kiln.testing.TestEngines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build host whose engine stops answering in the middle of a build and answers again later in the
 * same run, on real engines: its dockerd is stopped (SIGSTOP, so the build's container keeps
 * running under containerd, and kiln cannot remove it) until kiln has marked the host lost and
 * queued the build elsewhere, then continued. The container kiln could not remove is removed once
 * the host answers again, not left to the next run; the run finishes with nothing built twice.
 */
class HostBackIT {

  private static final String MAIN = "unix:///var/run/docker.sock";
  private static final String NAME = "kiln-hostback-it";

  @TempDir Path dir;
  private final FarmBootstrapIT.OwnEngine wobbly = new FarmBootstrapIT.OwnEngine(NAME);

  @AfterEach
  void stopOwnEngine() throws Exception {
    wobbly.stop();
  }

  @Test
  void aContainerLeftOnAHostThatWasLostIsRemovedWhenTheHostAnswersAgain() throws Exception {
    String own = wobbly.start();
    String e1 = TestEngines.endpoints(1).get(0).toString();
    Path config =
        TinyDistribution.write(
            dir,
            "studio: docker",
            "hosts:\n"
                + "  - {name: main, endpoint: \""
                + MAIN
                + "\"}\n"
                + "  - {name: e1, endpoint: \""
                + e1
                + "\"}\n"
                + "  - {name: wobbly, endpoint: \""
                + own
                + "\", speed: 4}\n");
    // stage1's bash, the fastest host's first build, runs long enough to be cut off in
    slowBuild(
        "do_build() { return 0; }",
        "do_build() { if [[ \"$STUDIO_TYPE\" == stage1 ]]; then sleep 25; fi; }");
    FarmRun run = FarmRun.bootstrap(config);
    Path log = config.resolveSibling("bootstrap.log");
    List<String> cutOff = await(run, () -> running(own), "a build running on wobbly");

    wobbly.killDockerd();
    await(run, () -> logHas(log, "queued crash/bash again: build host wobbly"), "the requeue");
    wobbly.restartDockerd();
    await(run, () -> logHas(log, "build host wobbly answers again"), "the rejoin");
    await(
        run,
        () -> left(own, cutOff).isEmpty() ? List.of("gone") : List.of(),
        "the removal, after the rejoin, of the cut-off build's container");

    String out = run.finished();
    FarmRun.Attempts attempts = run.attempts(Set.of("main", "e1", "wobbly"));
    assertEquals(List.of("stage1 crash/bash on wobbly"), attempts.interrupted(), out);
    run.assertNothingLeftOn(MAIN, e1, own);
  }

  /** Something a test waits for: non-empty when it is there. */
  @FunctionalInterface
  private interface Sight {
    List<String> look() throws Exception;
  }

  /** Waits (at most 2 minutes, while the run lasts) for {@code sight}; returns what it saw. */
  private static List<String> await(FarmRun run, Sight sight, String what) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (true) {
      List<String> seen = sight.look();
      if (!seen.isEmpty()) {
        return seen;
      }
      assertTrue(System.nanoTime() < deadline, "waited 2 minutes for " + what);
      assertTrue(run.isAlive(), "the run ended before " + what);
      Thread.sleep(200);
    }
  }

  private static List<String> logHas(Path log, String text) throws IOException {
    return Files.readString(log).contains(text) ? List.of(text) : List.of();
  }

  /** The ids of the running kiln containers on {@code engine}. */
  private List<String> running(String engine) throws Exception {
    return docker(engine, "ps", "--filter", "label=dev.kiln.work", "--format", "{{.ID}}");
  }

  /** Which of {@code ids} are still on {@code engine}, running or not. */
  private static List<String> left(String engine, List<String> ids) throws Exception {
    List<String> all = docker(engine, "ps", "-a", "--format", "{{.ID}}");
    return ids.stream().filter(all::contains).toList();
  }

  private static List<String> docker(String engine, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("docker", "-H", engine));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes()).strip();
    assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + out);
    return out.isEmpty() ? List.of() : List.of(out.split("\n"));
  }

  private void slowBuild(String was, String now) throws IOException {
    Path file = dir.resolve("plans").resolve("bash").resolve("plan.sh");
    String text = Files.readString(file);
    assertTrue(text.contains(was), text);
    Files.writeString(file, text.replace(was, now));
  }
}
