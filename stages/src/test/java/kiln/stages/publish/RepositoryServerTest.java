package kiln.stages.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RepositoryServerTest {

  @TempDir Path tmp;

  private Path repo;
  private Path hello;
  private RepositoryServer server;

  @BeforeEach
  void setUp() throws Exception {
    DemoHarts demo = new DemoHarts(tmp.resolve("demo"));
    repo = tmp.resolve("repo");
    Publisher.publish(demo.stage3Into(repo, 2));
    hello = repo.resolve("latest/artifacts/demo-hello-1.4.2-20261202000100-x86_64-linux.hart");
    Files.writeString(tmp.resolve("secret.txt"), "not for you\n");
    Files.createSymbolicLink(repo.resolve("escape"), tmp);
    Files.createSymbolicLink(repo.resolve("secret"), tmp.resolve("secret.txt"));
    server =
        RepositoryServer.start(repo, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/../secret.txt",
        "/latest/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/latest/%2E%2E/%2e%2e/secret.txt",
        "/latest/..%2f..%2fsecret.txt",
        "//secret.txt",
        "/releases/.building-000002/INDEX",
        "/latest/%00INDEX",
        "/latest/%2z%2e/secret.txt",
        "/escape/secret.txt",
        "/secret",
        "/etc/passwd",
        "http://localhost/../secret.txt",
      })
  void hostilePathsAreRefusedAndNothingOutsideTheRepositoryIsSent(String target) throws Exception {
    RawHttp.Answer answer = RawHttp.get(server.port(), target);

    // 400 for a path refused as written, 403 for a link out, 404 when the JDK's server finds no
    // path at all in it ("//x" reads as a host name)
    assertTrue(
        answer.status() == 400 || answer.status() == 403 || answer.status() == 404,
        target + " -> " + answer.status());
    assertFalse(answer.text().contains("not for you"));
    assertFalse(answer.text().contains("root:"));
  }

  @Test
  void filesOfTheLatestReleaseAreServedWhole() throws Exception {
    RawHttp.Answer answer = RawHttp.get(server.port(), "/latest/artifacts/" + hello.getFileName());

    assertEquals(200, answer.status());
    assertEquals("application/octet-stream", answer.header("Content-Type"));
    assertEquals("bytes", answer.header("Accept-Ranges"));
    assertArrayEquals(Files.readAllBytes(hello), answer.body());
    assertEquals(
        "text/plain; charset=utf-8",
        RawHttp.get(server.port(), "/latest/INDEX").header("Content-Type"));
  }

  @Test
  void aRangeIsAnsweredWith206AndItsContentRange() throws Exception {
    byte[] bytes = Files.readAllBytes(hello);
    String path = "/latest/artifacts/" + hello.getFileName();

    RawHttp.Answer middle = RawHttp.get(server.port(), path, "Range: bytes=10-19");
    RawHttp.Answer tail = RawHttp.get(server.port(), path, "Range: bytes=-7");
    RawHttp.Answer open = RawHttp.get(server.port(), path, "Range: bytes=100-");

    assertEquals(206, middle.status());
    assertEquals("bytes 10-19/" + bytes.length, middle.header("Content-Range"));
    assertArrayEquals(Arrays.copyOfRange(bytes, 10, 20), middle.body());
    assertEquals(206, tail.status());
    assertArrayEquals(Arrays.copyOfRange(bytes, bytes.length - 7, bytes.length), tail.body());
    assertEquals(
        "bytes 100-" + (bytes.length - 1) + "/" + bytes.length, open.header("Content-Range"));
    assertArrayEquals(Arrays.copyOfRange(bytes, 100, bytes.length), open.body());
  }

  @ParameterizedTest
  @ValueSource(strings = {"bytes=999999-", "bytes=20-10", "bytes=-0", "bytes=abc", "bytes=0-1,5-6"})
  void aBadRangeIsAnswered416WithTheSize(String range) throws Exception {
    RawHttp.Answer answer =
        RawHttp.get(server.port(), "/latest/artifacts/" + hello.getFileName(), "Range: " + range);

    assertEquals(416, answer.status());
    assertEquals("bytes */" + Files.size(hello), answer.header("Content-Range"));
  }

  @Test
  void aPackageIsLookedUpByIdentAsInHabitatsDepot() throws Exception {
    RawHttp.Answer byName = RawHttp.get(server.port(), "/pkgs/demo/hello");
    RawHttp.Answer byVersion = RawHttp.get(server.port(), "/pkgs/demo/hello/1.4.2");
    RawHttp.Answer download = RawHttp.get(server.port(), "/pkgs/demo/hello/1.4.2/download");
    RawHttp.Answer none = RawHttp.get(server.port(), "/pkgs/demo/hello/9.9");

    assertEquals(200, byName.status());
    assertEquals("application/json", byName.header("Content-Type"));
    assertTrue(byName.text().contains("\"ident\" : \"" + DemoHarts.HELLO + "\""), byName.text());
    assertEquals(byName.text(), byVersion.text());
    assertArrayEquals(Files.readAllBytes(hello), download.body());
    assertEquals(404, none.status());
  }

  @Test
  void onlyReadingIsAllowed() throws Exception {
    RawHttp.Answer put = RawHttp.send(server.port(), "DELETE", "/latest/INDEX");
    RawHttp.Answer head = RawHttp.send(server.port(), "HEAD", "/latest/INDEX");

    assertEquals(405, put.status());
    assertTrue(Files.exists(repo.resolve("latest/INDEX")));
    assertEquals(200, head.status());
    assertEquals(0, head.body().length);
    assertEquals(
        Long.toString(Files.size(repo.resolve("latest/INDEX"))), head.header("Content-Length"));
  }
}
