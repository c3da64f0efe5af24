package kiln.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The extractor with another root, as .hart payloads (hab/pkgs/...) will use it. */
class SafeExtractorTest {

  @TempDir Path dir;
  private final SafeExtractor hartPayload = new SafeExtractor(new ArchiveRoot("hab/pkgs"));

  @Test
  void unpacksUnderTheRootSkippingItsParentDirectories() throws Exception {
    Path payload = dir.resolve("payload.tar.xz");
    try (HandMadeTarball t = new HandMadeTarball(payload)) {
      t.dir("hab/")
          .dir("hab/pkgs/")
          .dir("hab/pkgs/core/hello/1.0/20260101000000/")
          .file("hab/pkgs/core/hello/1.0/20260101000000/IDENT", "core/hello/1.0/20260101000000\n")
          .symlink(
              "hab/pkgs/core/hello/1.0/20260101000000/libc", "/hab/pkgs/core/glibc/2.36/1/lib");
    }
    Path pkgs = dir.resolve("root/hab/pkgs");
    try (InputStream tar = TarballInput.xz(payload)) {
      hartPayload.extract(tar, "hello.hart", pkgs);
    }
    assertEquals(
        "core/hello/1.0/20260101000000\n",
        Files.readString(pkgs.resolve("core/hello/1.0/20260101000000/IDENT")));
    assertTrue(Files.isSymbolicLink(pkgs.resolve("core/hello/1.0/20260101000000/libc")));
  }

  @Test
  void refusesEntriesOutsideItsRoot() throws Exception {
    Path payload = dir.resolve("payload.tar.xz");
    try (HandMadeTarball t = new HandMadeTarball(payload)) {
      t.dir("hab/pkgs/").file("hab/cache/keys/evil.pub", "x");
    }
    TarballException e =
        assertThrows(
            TarballException.class, () -> hartPayload.extractXz(payload, dir.resolve("pkgs")));
    assertTrue(
        e.getMessage().contains("entry hab/cache/keys/evil.pub is outside hab/pkgs/"),
        e.getMessage());
  }

  @Test
  void aParentOfTheRootMustBeADirectory() throws Exception {
    Path payload = dir.resolve("payload.tar.xz");
    try (HandMadeTarball t = new HandMadeTarball(payload)) {
      t.symlink("hab", "/etc");
    }
    TarballException e =
        assertThrows(
            TarballException.class, () -> hartPayload.extractXz(payload, dir.resolve("pkgs")));
    assertTrue(e.getMessage().contains("entry hab is outside hab/pkgs/"), e.getMessage());
  }
}
