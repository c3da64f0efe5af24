package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kiln.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kiln serve} in a JVM of its own, and {@code kiln fetch} installing from it. */
class ServeFetchTest {

  @TempDir Path tmp;

  @Test
  void helloIsFetchedWithItsDependenciesFromKilnServeOnLoopback() throws Exception {
    PublishableDistribution demo = new PublishableDistribution(tmp.resolve("demo"), "");
    Path repo = demo.publish(tmp.resolve("repo"));
    // the user has the origin's public key only
    Path userKeys = tmp.resolve("user-keys");
    Path pub;
    try (var keys = Files.list(demo.keys)) {
      pub = keys.filter(k -> k.toString().endsWith(".pub")).findFirst().orElseThrow();
    }
    assertEquals(
        0,
        CliRun.of("origin", "key", "import", pub.toString(), "--keys", userKeys.toString()).exit());

    Process serve =
        ChildJvm.PLAIN
            .main(Kiln.class, "serve", "--repo", repo.toString(), "--port", "0")
            .redirectErrorStream(true)
            .start();
    try {
      String url = servedAt(serve);
      assertTrue(url.startsWith("http://127.0.0.1:"), url);

      CliRun fetch =
          CliRun.of(
              "fetch",
              "demo/hello",
              "--from",
              url,
              "--into",
              tmp.resolve("root").toString(),
              "--keys",
              userKeys.toString());

      assertEquals(0, fetch.exit(), fetch.err());
      assertEquals(
          "installed "
              + PublishableDistribution.GLIBC
              + "\n"
              + "installed "
              + PublishableDistribution.LIBGREET
              + "\n"
              + "installed "
              + PublishableDistribution.HELLO
              + "\n"
              + "from release 000001 of "
              + url
              + "\n",
          fetch.out());
      assertTrue(
          Files.isRegularFile(
              tmp.resolve("root/hab/pkgs/" + PublishableDistribution.HELLO + "/bin/hello")));
    } finally {
      serve.destroy();
      serve.waitFor();
    }
  }

  @Test
  void fetchWithoutTheOriginsKeyRefusesNamingTheKey() throws Exception {
    PublishableDistribution demo = new PublishableDistribution(tmp.resolve("demo"), "");
    Path repo = demo.publish(tmp.resolve("repo"));
    try (kiln.stages.publish.RepositoryServer server =
        kiln.stages.publish.RepositoryServer.start(
            repo, new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0))) {
      CliRun fetch =
          CliRun.of(
              "fetch",
              "demo/hello",
              "--from",
              "http://127.0.0.1:" + server.port(),
              "--into",
              tmp.resolve("root").toString(),
              "--keys",
              tmp.resolve("none").toString());

      assertEquals(1, fetch.exit());
      assertTrue(fetch.err().startsWith("kiln: the repository's index "), fetch.err());
      assertTrue(fetch.err().contains("no public key demo-"), fetch.err());
    }
  }

  /** The URL {@code kiln serve} prints on its first line. */
  private static String servedAt(Process serve) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    Matcher url = Pattern.compile(" at (http://\\S+/) ").matcher(line == null ? "" : line);
    assertTrue(url.find(), "kiln serve says where: " + line);
    return url.group(1);
  }
}
