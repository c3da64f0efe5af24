package kiln.stages.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kiln.stages.artifact.OriginKeys;
import kiln.world.PackageIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryClientTest {

  @TempDir Path tmp;

  private DemoHarts demo;
  private Path repo;
  private RepositoryServer server;
  private URI url;
  private OriginKeys userKeys;

  @BeforeEach
  void setUp() throws Exception {
    demo = new DemoHarts(tmp.resolve("demo"));
    repo = tmp.resolve("repo");
    Publisher.publish(demo.stage3Into(repo, 2));
    server =
        RepositoryServer.start(repo, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    url = URI.create("http://127.0.0.1:" + server.port());
    // the user holds only the public key
    userKeys = OriginKeys.in(tmp.resolve("user-keys"));
    userKeys.importKey(
        Files.readString(demo.keys.directory().resolve(demo.key.name().publicFileName())), "demo");
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  @Test
  void helloIsInstalledWithItsDependenciesFromTheServedRepository() throws Exception {
    Path into = tmp.resolve("root");

    FetchResult result =
        new RepositoryClient(url, userKeys).fetch(PackageIdent.of("demo", "hello"), into);

    assertEquals(
        List.of(DemoHarts.GLIBC, DemoHarts.LIBGREET, DemoHarts.HELLO),
        result.installed().stream().map(PackageIdent::toString).toList());
    for (String ident : List.of(DemoHarts.GLIBC, DemoHarts.LIBGREET, DemoHarts.HELLO)) {
      assertEquals(ident, Files.readString(into.resolve("hab/pkgs/" + ident + "/IDENT")).strip());
    }
    assertEquals(
        "#!/bin/sh\necho hello\n",
        Files.readString(into.resolve("hab/pkgs/" + DemoHarts.HELLO + "/bin/hello")));
  }

  @Test
  void fetchingAgainInstallsNothingNew() throws Exception {
    Path into = tmp.resolve("root");
    RepositoryClient client = new RepositoryClient(url, userKeys);
    client.fetch(PackageIdent.of("demo", "libgreet"), into);

    FetchResult again = client.fetch(PackageIdent.of("demo", "hello"), into);

    assertEquals(List.of(PackageIdent.parse(DemoHarts.HELLO)), again.installed());
    assertEquals(2, again.present().size());
  }

  @Test
  void anIndexSignedByAKeyTheUserDoesNotHoldIsRefused() throws Exception {
    OriginKeys stranger = OriginKeys.in(tmp.resolve("stranger"));

    RepositoryException e =
        assertThrows(
            RepositoryException.class,
            () ->
                new RepositoryClient(url, stranger)
                    .fetch(PackageIdent.of("demo", "hello"), tmp.resolve("root")));

    assertTrue(
        e.getMessage().contains("no public key " + demo.key.name().publicFileName()),
        e.getMessage());
    assertFalse(Files.exists(tmp.resolve("root/hab/pkgs/demo")));
  }

  @Test
  void anArtifactReplacedOnTheServerIsRefusedAndNotInstalled() throws Exception {
    // a validly signed artifact of the same package, but not the one the index lists
    Path other = tmp.resolve("other");
    Path forged =
        demo.hart(other, DemoHarts.HELLO, List.of(DemoHarts.GLIBC), List.of(DemoHarts.GLIBC));
    Path served = repo.resolve("latest/artifacts").resolve(forged.getFileName());
    Files.delete(served);
    Files.copy(forged, served);

    RepositoryException e =
        assertThrows(
            RepositoryException.class,
            () ->
                new RepositoryClient(url, userKeys)
                    .fetch(PackageIdent.of("demo", "hello"), tmp.resolve("root")));

    assertTrue(
        e.getMessage().contains("is not the artifact the signed index lists"), e.getMessage());
    assertFalse(Files.exists(tmp.resolve("root/hab/pkgs/" + DemoHarts.HELLO)));
  }

  @Test
  void anUnknownPackageIsNamed() {
    RepositoryException e =
        assertThrows(
            RepositoryException.class,
            () ->
                new RepositoryClient(url, userKeys)
                    .fetch(PackageIdent.of("demo", "nope"), tmp.resolve("root")));

    assertTrue(e.getMessage().startsWith("no package matches demo/nope in " + url), e.getMessage());
  }
}
