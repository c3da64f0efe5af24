package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import kiln.testing.TestEngines;
import kiln.testing.TestSshd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build host at {@code ssh://user@127.0.0.1:PORT/<engine's socket>} through a real sshd of the
 * test's own, in front of one of bin/engines' engines: {@code kiln hosts} finds it up with the
 * engine's version, a bootstrap builds every plan through the tunnel, and no ssh outlives the
 * command; with a key sshd does not accept, the host is unreachable for ssh's own reason.
 */
class SshHostIT {

  @TempDir static Path dir;
  static TestSshd sshd;
  static String engine;

  @BeforeAll
  static void startSshd() throws Exception {
    engine = TestEngines.endpoints(1).get(0).getPath();
    sshd = TestSshd.start(dir.resolve("sshd"));
  }

  @AfterAll
  static void stopSshd() throws Exception {
    if (sshd != null) {
      sshd.close();
    }
  }

  /** kiln.yaml's hosts: the ssh host, logging in with {@code identity}. */
  static String hosts(Path identity) {
    return String.join(
        "\n",
        "hosts:",
        "  - name: far",
        "    endpoint: ssh://" + sshd.user() + "@127.0.0.1:" + sshd.port() + engine,
        "    ssh: {identity: " + identity + ", known_hosts: " + sshd.knownHosts() + "}",
        "    jobs: 2",
        "");
  }

  @Test
  void kilnHostsFindsTheSshHostUpWithItsEnginesVersion() throws Exception {
    Path config =
        TinyDistribution.write(dir.resolve("hosts"), "studio: docker", hosts(sshd.identity()));
    CliRun run = CliRun.of("hosts", "--config", config.toString());
    assertEquals(0, run.exit(), run.out() + run.err());
    String line =
        "far up docker "
            + engineVersion()
            + " jobs=2 speed=1 ssh://"
            + sshd.user()
            + "@127.0.0.1:"
            + sshd.port()
            + engine;
    assertEquals(line, run.out().strip());
    nothingLeftIn(dir.resolve("hosts/.kiln/tunnels"));
  }

  @Test
  void aKeySshdDoesNotAcceptLeavesTheHostUnreachableForSshsReason() throws Exception {
    Path config =
        TinyDistribution.write(dir.resolve("wrong"), "studio: docker", hosts(sshd.wrongIdentity()));
    CliRun run = CliRun.of("hosts", "--config", config.toString());
    assertEquals(1, run.exit(), run.out() + run.err());
    String[] lines = run.out().strip().split("\n");
    assertTrue(lines[0].startsWith("far unreachable - jobs=2"), run.out());
    assertTrue(lines[1].contains("cannot reach build host far"), run.out());
    assertTrue(lines[1].contains("Permission denied (publickey)"), run.out());
    assertTrue(lines[1].contains("-i " + sshd.wrongIdentity()), "the command to try: " + run.out());
    nothingLeftIn(dir.resolve("wrong/.kiln/tunnels"));
  }

  @Test
  void aBootstrapBuildsEveryPlanThroughTheTunnelAndLeavesNoSshBehind() throws Exception {
    Path config =
        TinyDistribution.write(dir.resolve("build"), "studio: docker", hosts(sshd.identity()));
    CliRun done = CliRun.of("bootstrap", "--config", config.toString());
    assertEquals(0, done.exit(), done.err());
    nothingLeftIn(dir.resolve("build/.kiln/tunnels"));

    JsonNode status =
        new ObjectMapper()
            .readTree(CliRun.of("status", "--json", "--config", config.toString()).out());
    List<String> built = new ArrayList<>();
    for (JsonNode stage : status.get("stages")) {
      for (JsonNode plan : stage.get("plans")) {
        String what = stage.get("name").asText() + " " + plan.get("ident").asText();
        assertEquals("built", plan.get("status").asText(), what);
        for (JsonNode attempt : plan.get("attempts")) {
          assertEquals("far", attempt.path("host").asText(""), what + ": " + attempt);
        }
        built.add(what);
      }
    }
    assertEquals(9, built.size(), "2 plans in stage1 and stage2, 5 in stage3: " + built);
    String work = dir.resolve("build/.kiln").toString();
    Process ps =
        new ProcessBuilder(
                "docker",
                "-H",
                "unix://" + engine,
                "ps",
                "-aq",
                "--filter",
                "label=dev.kiln.work=" + work)
            .redirectErrorStream(true)
            .start();
    assertEquals("", new String(ps.getInputStream().readAllBytes()).strip(), "containers left");
  }

  /** No ssh forwards from the tunnels folder any more, and no socket or log of one is left. */
  private static void nothingLeftIn(Path tunnels) throws Exception {
    assertEquals(List.of(), TestSshd.tunnelsFrom(tunnels), "ssh processes left running");
    if (Files.isDirectory(tunnels)) {
      try (Stream<Path> left = Files.list(tunnels)) {
        assertEquals(List.of(), left.toList(), "files left in " + tunnels);
      }
    }
  }

  private static String engineVersion() throws Exception {
    Process p =
        new ProcessBuilder(
                "docker", "-H", "unix://" + engine, "version", "--format", "{{.Server.Version}}")
            .redirectErrorStream(true)
            .start();
    return new String(p.getInputStream().readAllBytes()).strip();
  }
}
