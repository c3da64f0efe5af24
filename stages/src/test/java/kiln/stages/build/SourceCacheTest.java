package kiln.stages.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceCacheTest {

  @TempDir Path temp;

  @Test
  void fetchesOverHttpOnceAndReusesTheVerifiedFile() throws Exception {
    Path www = Files.createDirectories(temp.resolve("www"));
    Files.writeString(www.resolve("a.tar.gz"), "source bytes");
    String sha = SourceCache.sha256Of(www.resolve("a.tar.gz"));
    SourceCache cache = new SourceCache(temp.resolve("cache"));
    try (SourceServer server = new SourceServer(www)) {
      Path first = cache.fetch(server.url() + "/a.tar.gz", "a.tar.gz", sha);
      Path second = cache.fetch(server.url() + "/a.tar.gz", "a.tar.gz", sha);
      assertEquals(first, second);
      assertEquals("source bytes", Files.readString(first));
      assertEquals(1, server.requests());
    }
  }

  @Test
  void aCachedFileThatDoesNotMatchIsFetchedAgain() throws Exception {
    Path source = temp.resolve("src.txt");
    Files.writeString(source, "good");
    SourceCache cache = new SourceCache(temp.resolve("cache"));
    Files.createDirectories(cache.dir());
    Files.writeString(cache.dir().resolve("src.txt"), "corrupt");
    Path fetched = cache.fetch(source.toUri().toString(), "src.txt", SourceCache.sha256Of(source));
    assertEquals("good", Files.readString(fetched));
  }

  @Test
  void aMismatchNamesTheFileBothSumsAndKeepsNothing() throws Exception {
    Path source = temp.resolve("src.txt");
    Files.writeString(source, "good");
    SourceCache cache = new SourceCache(temp.resolve("cache"));
    BuildException e =
        assertThrows(
            BuildException.class,
            () -> cache.fetch(source.toUri().toString(), "src.txt", "ab".repeat(32)));
    assertTrue(e.getMessage().contains("src.txt"), e.getMessage());
    assertTrue(e.getMessage().contains("Expected: " + "ab".repeat(32)), e.getMessage());
    assertTrue(e.getMessage().contains("Computed: " + SourceCache.sha256Of(source)));
    try (var files = Files.list(cache.dir())) {
      assertEquals(0, files.count(), "no partial or bad file left in the cache");
    }
  }

  @Test
  void aServerErrorIsReportedWithItsStatus() throws Exception {
    SourceCache cache = new SourceCache(temp.resolve("cache"));
    try (SourceServer server = new SourceServer(Files.createDirectories(temp.resolve("www")))) {
      BuildException e =
          assertThrows(
              BuildException.class,
              () -> cache.fetch(server.url() + "/missing.tar.gz", "missing.tar.gz", "00"));
      assertTrue(e.getMessage().contains("answered 404"), e.getMessage());
    }
  }

  @Test
  void aFileUrlIsCopiedIntoTheCacheWhenItMatches() throws Exception {
    Path source = Files.writeString(temp.resolve("local source.tar.gz"), "local bytes");
    SourceCache cache = new SourceCache(temp.resolve("cache"));
    Path cached =
        cache.fetch(source.toUri().toString(), "local.tar.gz", SourceCache.sha256Of(source));
    assertEquals(cache.dir().resolve("local.tar.gz"), cached);
    assertEquals("local bytes", Files.readString(cached));
    assertEquals(List.of("local.tar.gz"), names(cache.dir()), "nothing else left in the cache");
  }

  @Test
  void aFileUrlThatDoesNotMatchCachesNothingAndKeepsTheGoodCopy() throws Exception {
    Path source = Files.writeString(temp.resolve("src.tar.gz"), "version one");
    String sha = SourceCache.sha256Of(source);
    SourceCache cache = new SourceCache(temp.resolve("cache"));
    cache.fetch(source.toUri().toString(), "other.tar.gz", sha);
    Files.writeString(source, "version two, changed upstream");
    BuildException e =
        assertThrows(
            BuildException.class, () -> cache.fetch(source.toUri().toString(), "src.tar.gz", sha));
    assertTrue(e.getMessage().contains("Computed: " + SourceCache.sha256Of(source)));
    assertEquals(List.of("other.tar.gz"), names(cache.dir()), "no src.tar.gz, no partial file");
  }

  @Test
  void withoutAShasumTheSourceIsFetchedEveryTime() throws Exception {
    Path www = Files.createDirectories(temp.resolve("www"));
    Files.writeString(www.resolve("a.tar.gz"), "first");
    SourceCache cache = new SourceCache(temp.resolve("cache"));
    try (SourceServer server = new SourceServer(www)) {
      assertEquals(
          "first", Files.readString(cache.fetch(server.url() + "/a.tar.gz", "a.tar.gz", "")));
      Files.writeString(www.resolve("a.tar.gz"), "second");
      Path again = cache.fetch(server.url() + "/a.tar.gz", "a.tar.gz", "");
      assertEquals("second", Files.readString(again), "nothing to check a cached copy against");
      assertEquals(2, server.requests());
    }
  }

  @Test
  void httpsFetchesTrustOnlyWhatTheTlsContextTrusts() throws Exception {
    Path keystore = temp.resolve("server.p12");
    char[] password = "test-only".toCharArray();
    keytool(keystore, password);
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(keystore)) {
      keys.load(in, password);
    }
    Path www = Files.createDirectories(temp.resolve("www"));
    Files.writeString(www.resolve("s.tar.gz"), "over tls");
    String sha = SourceCache.sha256Of(www.resolve("s.tar.gz"));
    try (HttpsSourceServer server = new HttpsSourceServer(www, keys, password)) {
      String url = server.url() + "/s.tar.gz";

      BuildException untrusted =
          assertThrows(
              BuildException.class,
              () -> new SourceCache(temp.resolve("cache-default")).fetch(url, "s.tar.gz", sha));
      assertTrue(
          untrusted.getMessage().contains("certificate is not trusted"), untrusted.getMessage());
      assertTrue(
          untrusted.getMessage().contains("javax.net.ssl.trustStore"), untrusted.getMessage());
      assertEquals(List.of(), names(temp.resolve("cache-default")), "nothing cached");

      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(keys);
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, trust.getTrustManagers(), null);
      Path cached = new SourceCache(temp.resolve("cache"), tls).fetch(url, "s.tar.gz", sha);
      assertEquals("over tls", Files.readString(cached));
    }
  }

  /** A self-signed certificate for 127.0.0.1, made with the JDK's keytool at test time. */
  private static void keytool(Path keystore, char[] password) throws Exception {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process =
        new ProcessBuilder(
                keytool.toString(),
                "-genkeypair",
                "-alias",
                "source-server",
                "-keyalg",
                "EC",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "san=ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                new String(password),
                "-keypass",
                new String(password))
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes());
    assertEquals(0, process.waitFor(), output);
  }

  private static List<String> names(Path dir) throws Exception {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (var files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void onlyHttpHttpsAndFileSourcesAreFetchedByKiln() {
    assertTrue(SourceCache.fetches("https://example.com/a.tgz"));
    assertTrue(SourceCache.fetches("file:///tmp/a.tgz"));
    assertFalse(SourceCache.fetches("git://example.com/repo"));
    assertFalse(SourceCache.fetches("nothing-to-download"));
  }
}
