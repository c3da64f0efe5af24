package kiln.stages.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
  void onlyHttpHttpsAndFileSourcesAreFetchedByKiln() {
    assertTrue(SourceCache.fetches("https://example.com/a.tgz"));
    assertTrue(SourceCache.fetches("file:///tmp/a.tgz"));
    assertFalse(SourceCache.fetches("git://example.com/repo"));
    assertFalse(SourceCache.fetches("nothing-to-download"));
  }
}
