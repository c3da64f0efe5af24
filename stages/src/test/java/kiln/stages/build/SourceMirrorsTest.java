package kiln.stages.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Source mirrors as the source cache consults them: by file name, taken only by sha256. */
class SourceMirrorsTest {

  @TempDir Path temp;

  @Test
  void offlineARemoteSourceComesFromTheMirrorWithoutARequest() throws Exception {
    Path www = Files.createDirectories(temp.resolve("www"));
    Files.writeString(www.resolve("sed-4.9.tar.xz"), "upstream bytes");
    String sha = SourceCache.sha256Of(www.resolve("sed-4.9.tar.xz"));
    Path mirror = Files.createDirectories(temp.resolve("mirror"));
    Files.copy(www.resolve("sed-4.9.tar.xz"), mirror.resolve("sed-4.9.tar.xz"));
    SourceCache cache = new SourceCache(temp.resolve("cache"), mirrors(mirror));
    try (SourceServer server = new SourceServer(www)) {
      Path got = cache.fetch(server.url() + "/sed-4.9.tar.xz", "sed-4.9.tar.xz", sha, false);
      assertEquals("upstream bytes", Files.readString(got));
      assertEquals(0, server.requests(), "the network is off: no request");
    }
  }

  @Test
  void offlineWithAnEmptyMirrorTheErrorNamesTheFileItsSha256AndWhatToDo() throws Exception {
    Path mirror = Files.createDirectories(temp.resolve("mirror"));
    SourceCache cache = new SourceCache(temp.resolve("cache"), mirrors(mirror));
    String sha = "6e226b732e1cd739464ad6862bd1a1aba42d7982922da7a53519631d24975181";
    BuildException e =
        assertThrows(
            BuildException.class,
            () ->
                cache.fetch(
                    "https://ftp.gnu.org/gnu/sed/sed-4.9.tar.xz", "sed-4.9.tar.xz", sha, false));
    String message = e.getMessage();
    assertTrue(message.contains("sed-4.9.tar.xz"), message);
    assertTrue(message.contains(sha), message);
    assertTrue(message.contains("network: never"), message);
    assertTrue(message.contains(mirror.toString()), message);
    assertTrue(message.contains("Put the file in a source mirror folder"), message);
  }

  @Test
  void aMirroredFileWithAnotherSha256IsNotTakenAndIsNamed() throws Exception {
    Path mirror = Files.createDirectories(temp.resolve("mirror"));
    Files.writeString(mirror.resolve("bash_5.2.15.orig.tar.gz"), "tampered");
    SourceCache cache = new SourceCache(temp.resolve("cache"), mirrors(mirror));
    BuildException e =
        assertThrows(
            BuildException.class,
            () ->
                cache.fetch(
                    "bash_5.2.15.orig.tar.gz", "bash_5.2.15.orig.tar.gz", "ab".repeat(32), true));
    assertTrue(
        e.getMessage()
            .contains(
                mirror.resolve("bash_5.2.15.orig.tar.gz")
                    + " has sha256 "
                    + SourceCache.sha256Of(mirror.resolve("bash_5.2.15.orig.tar.gz"))),
        e.getMessage());
    assertTrue(e.getMessage().contains("is a file name, not a URL"), e.getMessage());
  }

  @Test
  void aBareFileNameIsFoundInTheSecondMirrorFolder() throws Exception {
    Path first = Files.createDirectories(temp.resolve("first"));
    Path second = Files.createDirectories(temp.resolve("second"));
    Files.writeString(second.resolve("tcc.tar.bz2"), "snapshot");
    SourceCache cache = new SourceCache(temp.resolve("cache"), mirrors(first, second));
    Path got =
        cache.fetch(
            "tcc.tar.bz2",
            "tcc.tar.bz2",
            SourceCache.sha256Of(second.resolve("tcc.tar.bz2")),
            false);
    assertEquals(temp.resolve("cache/tcc.tar.bz2"), got);
    assertEquals("snapshot", Files.readString(got));
  }

  @Test
  void aUrlMirrorIsAskedBeforeTheSourceWhenTheNetworkIsAllowed() throws Exception {
    Path www = Files.createDirectories(temp.resolve("www"));
    Files.writeString(www.resolve("grep-3.8.tar.xz"), "mirrored");
    SourceCache cache;
    try (SourceServer server = new SourceServer(www)) {
      cache =
          new SourceCache(
              temp.resolve("cache"),
              new SourceMirrors(List.of(), List.of(URI.create(server.url() + "/"))));
      Path got =
          cache.fetch(
              "https://unreachable.invalid/grep-3.8.tar.xz",
              "grep-3.8.tar.xz",
              SourceCache.sha256Of(www.resolve("grep-3.8.tar.xz")),
              true);
      assertEquals("mirrored", Files.readString(got));
      assertEquals(1, server.requests());
    }
  }

  @Test
  void kilnYamlEntriesAreFoldersOrHttpUrlsAndNothingElse() {
    SourceMirrors mirrors =
        SourceMirrors.parse(List.of("sources", "/srv/dist", "https://m.example/dist"), temp);
    assertEquals(List.of(temp.resolve("sources"), Path.of("/srv/dist")), mirrors.folders());
    assertEquals(List.of(URI.create("https://m.example/dist/")), mirrors.urls());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SourceMirrors.parse(List.of("ftp://m.example/dist"), temp));
    assertTrue(e.getMessage().contains("ftp://m.example/dist"), e.getMessage());
  }

  private static SourceMirrors mirrors(Path... folders) {
    return new SourceMirrors(List.of(folders), List.of());
  }
}
