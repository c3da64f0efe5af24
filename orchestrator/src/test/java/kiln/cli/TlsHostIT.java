package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import kiln.cli.FarmBootstrapIT.OwnEngine;
import kiln.testing.TestCertificates;
import kiln.testing.TestCertificates.Authority;
import kiln.testing.TestCertificates.Issued;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build host at {@code tcp://ADDRESS:2376} with TLS client certificates, for real: a Docker
 * engine of this test's own, started with {@code --tlsverify} in a network namespace of its own and
 * reached from here through a veth pair on a free private /30, its certificates made by openssl (a
 * CA, a server certificate naming the engine's address, a client certificate; a second CA for the
 * certificates that must be refused). The engine's unix socket is the test's own control.
 */
class TlsHostIT {

  private static final String NAMESPACE = "kiln-tls-it";
  private static final String HOST_SIDE = "kiln-tls-h";
  private static final String ENGINE_SIDE = "kiln-tls-e";

  @TempDir static Path dir;
  private static final OwnEngine engine = new OwnEngine(NAMESPACE);
  private static String socket;
  private static String endpoint;
  private static Authority ca;
  private static Authority stranger;
  private static Issued client;

  @BeforeAll
  static void startAnEngineThatSpeaksOnlyTls() throws Exception {
    PrivateSubnet subnet = PrivateSubnet.free();
    endpoint = "tcp://" + subnet.engine() + ":2376";
    Path certs = dir.resolve("certs");
    ca = TestCertificates.authority(certs, "ca");
    stranger = TestCertificates.authority(certs, "stranger");
    client = ca.client(certs, "kiln");
    Issued server = ca.server(certs, "engine", subnet.engine());
    socket =
        engine.start(
            "--tlsverify",
            "--tlscacert",
            ca.cert().toString(),
            "--tlscert",
            server.cert().toString(),
            "--tlskey",
            server.key().toString(),
            "-H",
            "tcp://0.0.0.0:2376");
    OwnEngine.sh(
        String.join(
            " && ",
            "ip link add "
                + HOST_SIDE
                + " type veth peer name "
                + ENGINE_SIDE
                + " netns "
                + NAMESPACE,
            "ip addr add " + subnet.host() + "/30 dev " + HOST_SIDE,
            "ip link set " + HOST_SIDE + " up",
            "nsenter --net=/run/netns/"
                + NAMESPACE
                + " ip addr add "
                + subnet.engine()
                + "/30 dev "
                + ENGINE_SIDE,
            "nsenter --net=/run/netns/" + NAMESPACE + " ip link set " + ENGINE_SIDE + " up"));
  }

  @AfterAll
  static void stopIt() throws Exception {
    // deleting the namespace deletes the veth pair with it; this is for a namespace already gone
    OwnEngine.sh(
        "if ip link show "
            + HOST_SIDE
            + " >/dev/null 2>&1; then ip link del "
            + HOST_SIDE
            + "; fi");
    engine.stop();
  }

  @Test
  void kilnHostsShowsTheTlsHostUpAndSaysWhyEachWrongCertificateIsRefused() throws Exception {
    Path foreign = dir.resolve("foreign");
    Issued foreignClient = stranger.client(foreign, "kiln");
    Path config =
        TinyDistribution.write(
            dir.resolve("hosts"),
            "studio: docker",
            String.join(
                "\n",
                "hosts:",
                host("tls", ca.cert(), client) + ", jobs: 2}",
                host("foreign-client", ca.cert(), foreignClient) + "}",
                host("foreign-engine", stranger.cert(), client) + "}",
                ""));

    CliRun hosts = CliRun.of("hosts", "--config", config.toString());

    assertEquals(1, hosts.exit(), hosts.out() + hosts.err());
    assertEquals(
        List.of(
            "tls up docker " + serverVersion() + " jobs=2 speed=1 " + endpoint,
            "foreign-client unreachable - jobs=1 speed=1 " + endpoint,
            "  the Docker engine at "
                + endpoint
                + " over TLS: it refused kiln's client certificate "
                + foreignClient.cert()
                + "; it must be signed by the CA the engine was started with (--tlscacert)",
            "foreign-engine unreachable - jobs=1 speed=1 " + endpoint,
            "  the Docker engine at "
                + endpoint
                + " over TLS: its certificate is not signed by the CA in "
                + stranger.cert()
                + "; give kiln the CA that signed the engine's --tlscert"),
        hosts.out().lines().toList());
  }

  @Test
  void aBootstrapOverTheTlsHostBuildsEveryPlanThereAndLeavesNoContainer() throws Exception {
    Path config =
        TinyDistribution.write(
            dir.resolve("run"),
            "studio: docker",
            "hosts:\n" + host("tls", ca.cert(), client) + ", jobs: 2}\n");

    CliRun run = CliRun.of("bootstrap", "--config", config.toString());

    assertEquals(0, run.exit(), run.err());
    JsonNode status =
        new ObjectMapper()
            .readTree(CliRun.of("status", "--json", "--config", config.toString()).out());
    int plans = 0;
    for (JsonNode stage : status.get("stages")) {
      for (JsonNode plan : stage.get("plans")) {
        String what = stage.get("name").asText() + " " + plan.get("ident").asText();
        assertEquals("built", plan.get("status").asText(), what);
        for (JsonNode attempt : plan.get("attempts")) {
          assertEquals("tls", attempt.path("host").asText(""), what + ": " + attempt);
        }
        plans++;
      }
    }
    assertEquals(2 + 2 + 5, plans, "stage1 and stage2's base plans and stage3's world");
    // the test's own socket to that engine: the studio images were made there, the builds' gone
    assertTrue(
        docker("images", "--format", "{{.Repository}}").contains("kiln-stage1"),
        "no stage1 studio image on the TLS engine");
    String work = config.getParent().resolve(".kiln").toString();
    assertEquals("", docker("ps", "-aq", "--filter", "label=dev.kiln.work=" + work));
  }

  /** One kiln.yaml hosts item at the TLS engine, left open for more keys. */
  private static String host(String name, Path trusted, Issued own) {
    return "  - {name: "
        + name
        + ", endpoint: \""
        + endpoint
        + "\", tls: {ca: "
        + trusted
        + ", cert: "
        + own.cert()
        + ", key: "
        + own.key()
        + "}";
  }

  private static String serverVersion() throws Exception {
    return docker("version", "--format", "{{.Server.Version}}");
  }

  /** The docker CLI on the engine's own unix socket; its output, stripped. */
  private static String docker(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("docker", "-H", socket));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes()).strip();
    assertEquals(0, p.waitFor(), command + ": " + out);
    return out;
  }

  /**
   * A 10.x.y.z/30 no route or address of this machine overlaps: one end here, one for the engine.
   */
  private record PrivateSubnet(String host, String engine) {

    static PrivateSubnet free() throws Exception {
      List<long[]> taken = new ArrayList<>();
      Process ip =
          new ProcessBuilder("bash", "-c", "ip -4 route show table all; ip -4 -o addr").start();
      for (String line : new String(ip.getInputStream().readAllBytes()).split("\n")) {
        for (String word : line.split("\\s+")) {
          if (word.matches("\\d+\\.\\d+\\.\\d+\\.\\d+(/\\d+)?")) {
            taken.add(range(word.contains("/") ? word : word + "/32"));
          }
        }
      }
      ip.waitFor();
      Random random = new Random();
      for (int tries = 0; tries < 1000; tries++) {
        long base =
            (10L << 24) | ((200 + random.nextInt(55)) << 16) | (random.nextInt(1 << 14) << 2);
        if (taken.stream().noneMatch(r -> r[0] <= base + 3 && base <= r[1])) {
          return new PrivateSubnet(dotted(base + 1), dotted(base + 2));
        }
      }
      throw new AssertionError("no free /30 in 10.200.0.0/16-10.254.255.255");
    }

    /** The first and last address of a prefix a.b.c.d/n. */
    private static long[] range(String prefix) {
      String[] parts = prefix.split("/");
      long address = 0;
      for (String octet : parts[0].split("\\.")) {
        address = (address << 8) | Long.parseLong(octet);
      }
      int bits = Integer.parseInt(parts[1]);
      long size = 1L << (32 - bits);
      long first = address & ~(size - 1) & 0xffffffffL;
      return new long[] {first, first + size - 1};
    }

    private static String dotted(long address) {
      return (address >> 24 & 255)
          + "."
          + (address >> 16 & 255)
          + "."
          + (address >> 8 & 255)
          + "."
          + (address & 255);
    }
  }
}
