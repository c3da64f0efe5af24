package kiln.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hand-made hostile archives: verify names each problem, extraction refuses and stays inside. */
class HostileTarballTest {

  @TempDir Path dir;
  private Path tarball;
  private Path target;
  private Path outside;

  @BeforeEach
  void paths() throws IOException {
    tarball = dir.resolve("hostile.tar.xz");
    target = dir.resolve("studio/tools");
    outside = Files.createDirectories(dir.resolve("outside"));
  }

  private HandMadeTarball tarball() throws IOException {
    return new HandMadeTarball(tarball).dir("tools/").dir("tools/bin/");
  }

  /** Verify reports {@code problem}; extraction refuses naming it and writes nothing outside. */
  private void refused(String entry, String problem) throws IOException {
    List<String> problems = ToolsTarball.verify(tarball).stream().map(Object::toString).toList();
    assertTrue(problems.contains(entry + " " + problem), "verify said " + problems);
    TarballException e =
        assertThrows(TarballException.class, () -> ToolsTarball.extract(tarball, target));
    assertTrue(e.getMessage().contains("entry " + entry + " " + problem), e.getMessage());
    assertNothingOutsideTarget();
  }

  private void assertNothingOutsideTarget() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      List<Path> strays =
          files
              .filter(p -> !p.equals(tarball) && !p.startsWith(target) && !p.equals(dir))
              .filter(p -> !target.startsWith(p) && !p.equals(outside))
              .toList();
      assertEquals(List.of(), strays, "nothing may be written outside " + target);
    }
  }

  @Test
  void pathTraversal() throws IOException {
    try (HandMadeTarball t = tarball()) {
      t.file("tools/../outside/evil", "x");
    }
    refused("tools/../outside/evil", "contains '..'");
  }

  @Test
  void absolutePath() throws IOException {
    Path evil = outside.resolve("evil");
    try (HandMadeTarball t = tarball()) {
      t.file(evil.toString(), "x");
    }
    refused(evil.toString(), "is an absolute path");
  }

  @Test
  void entryOutsideTools() throws IOException {
    try (HandMadeTarball t = tarball()) {
      t.file("etc/passwd", "x");
    }
    refused("etc/passwd", "is outside tools/");
  }

  @Test
  void symlinkLeavingTools() throws IOException {
    try (HandMadeTarball t = tarball()) {
      t.symlink("tools/bin/up", "../../outside");
    }
    refused("tools/bin/up", "is a symlink to ../../outside, which leaves tools/");
  }

  @Test
  void absoluteSymlinkOutsideTools() throws IOException {
    try (HandMadeTarball t = tarball()) {
      t.symlink("tools/bin/passwd", "/etc/passwd");
    }
    refused("tools/bin/passwd", "is a symlink to /etc/passwd, outside /tools/");
  }

  @Test
  void symlinkChainClimbingOutWithDotDotInTheMiddle() throws IOException {
    try (HandMadeTarball t = tarball()) {
      t.symlink("tools/self", ".").symlink("tools/up", "self/self/../..");
    }
    refused("tools/up", "is a symlink to self/self/../.., which leaves tools/");
  }

  @Test
  void fileWrittenThroughASymlinkInTheArchive() throws IOException {
    try (HandMadeTarball t = tarball()) {
      t.symlink("tools/lib", "/tools/bin").file("tools/lib/evil", "x");
    }
    refused("tools/lib/evil", "goes through the symlink tools/lib");
  }

  @Test
  void fileWrittenThroughASymlinkAlreadyOnDisk() throws IOException {
    Files.createDirectories(target);
    Files.createSymbolicLink(target.resolve("bin"), outside);
    try (HandMadeTarball t = new HandMadeTarball(tarball)) {
      t.dir("tools/").file("tools/bin/evil", "x");
    }
    TarballException e =
        assertThrows(TarballException.class, () -> ToolsTarball.extract(tarball, target));
    assertTrue(e.getMessage().contains("entry tools/bin/evil goes through"), e.getMessage());
    assertEquals(List.of(), Files.list(outside).toList());
  }

  @Test
  void hardLinkToAFileOutside() throws IOException {
    try (HandMadeTarball t = tarball()) {
      t.hardLink("tools/bin/passwd", "etc/passwd");
    }
    refused("tools/bin/passwd", "is a hard link to etc/passwd, outside tools/");
  }

  @Test
  void hardLinkWithDotDot() throws IOException {
    try (HandMadeTarball t = tarball()) {
      t.hardLink("tools/bin/passwd", "tools/../../etc/passwd");
    }
    refused("tools/bin/passwd", "is a hard link to tools/../../etc/passwd, outside tools/");
  }

  @Test
  void devicesAndFifos() throws IOException {
    try (HandMadeTarball t = tarball()) {
      t.special("tools/bin/mem", TarConstants.LF_CHR)
          .special("tools/bin/pipe", TarConstants.LF_FIFO);
    }
    refused("tools/bin/mem", "is a device file");
    List<String> problems = ToolsTarball.verify(tarball).stream().map(Object::toString).toList();
    assertEquals(List.of("tools/bin/mem is a device file", "tools/bin/pipe is a FIFO"), problems);
  }

  @Test
  void aDirectoryReplacedByASymlinkIsRefusedByVerifyAsByExtraction() throws IOException {
    try (HandMadeTarball t = tarball()) {
      t.dir("tools/d/").symlink("tools/d", "/tools/x");
    }
    refused("tools/d", "would replace the directory tools/d (from an earlier entry)");
  }

  @Test
  void aDirectoryImpliedByAnEarlierEntryCannotBeReplacedEither() throws IOException {
    try (HandMadeTarball t = tarball()) {
      t.file("tools/d/f", "x").file("tools/d", "y");
    }
    refused("tools/d", "would replace the directory tools/d (from an earlier entry)");
  }

  @Test
  void anEntryBelowAFileOfTheArchive() throws IOException {
    try (HandMadeTarball t = tarball()) {
      t.file("tools/f", "x").file("tools/f/g", "y");
    }
    refused("tools/f/g", "goes through tools/f, which is a file in the archive");
  }

  @Test
  void theRootAsAFile() throws IOException {
    try (HandMadeTarball t = new HandMadeTarball(tarball)) {
      t.file("tools", "x");
    }
    refused("tools", "is the root but not a directory");
  }

  @Test
  void aFileAndADirectoryMayReplaceEarlierFilesAndLinks() throws Exception {
    try (HandMadeTarball t = tarball()) {
      t.file("tools/bin/a", "old").file("tools/bin/a", "new").symlink("tools/lib", "bin");
      t.dir("tools/lib/").file("tools/lib/x", "x");
    }
    assertEquals(List.of(), ToolsTarball.verify(tarball));
    ToolsTarball.extract(tarball, target);
    assertEquals("new", Files.readString(target.resolve("bin/a")));
    assertTrue(Files.isDirectory(target.resolve("lib"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
  }

  @Test
  void volumeLabelsDumpdirsAndUnknownTypesAreRefusedByName() throws IOException {
    try (HandMadeTarball t = tarball()) {
      t.special("tools/bin/label", (byte) 'V')
          .special("tools/bin/dump", (byte) 'D')
          .special("tools/bin/odd", (byte) 'Q');
    }
    refused("tools/bin/label", "is a GNU volume label (tar type 'V'), which kiln does not unpack");
    assertEquals(
        List.of(
            "tools/bin/label is a GNU volume label (tar type 'V'), which kiln does not unpack",
            "tools/bin/dump is a GNU dumpdir (an incremental backup's directory listing) (tar type"
                + " 'D'), which kiln does not unpack",
            "tools/bin/odd is an entry of unknown type (tar type 'Q'), which kiln does not unpack"),
        ToolsTarball.verify(tarball).stream().map(Object::toString).toList());
  }

  @Test
  void truncatedXz() throws IOException {
    try (HandMadeTarball t = tarball()) {
      t.file("tools/bin/sh", "#!/bin/sh\n".repeat(1000));
    }
    byte[] whole = Files.readAllBytes(tarball);
    Files.write(tarball, java.util.Arrays.copyOf(whole, whole.length - 40));
    List<TarballProblem> problems = ToolsTarball.verify(tarball);
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).problem().startsWith("truncated"), problems.toString());
    TarballException e =
        assertThrows(TarballException.class, () -> ToolsTarball.extract(tarball, target));
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
  }

  @Test
  void verifyNamesEveryProblemNotJustTheFirst() throws IOException {
    try (HandMadeTarball t = tarball()) {
      t.file("/etc/shadow", "x").file("tools/../x", "y").symlink("tools/bin/sh", "/bin/sh");
    }
    assertEquals(
        List.of(
            "/etc/shadow is an absolute path",
            "tools/../x contains '..'",
            "tools/bin/sh is a symlink to /bin/sh, outside /tools/"),
        ToolsTarball.verify(tarball).stream().map(Object::toString).toList());
  }

  @Test
  void linksInsideToolsAreFine() throws Exception {
    try (HandMadeTarball t = tarball()) {
      t.file("tools/bin/busybox", "bb")
          .symlink("tools/bin/unzip", "./busybox")
          .symlink("tools/bin/sh", "/tools/bin/busybox")
          .symlink("tools/lib64", "../tools/bin")
          .hardLink("tools/bin/ash", "tools/bin/busybox");
    }
    assertEquals(List.of(), ToolsTarball.verify(tarball));
    ToolsTarball.extract(tarball, target);
    assertEquals("bb", Files.readString(target.resolve("bin/ash")));
    assertEquals(Path.of("/tools/bin/busybox"), Files.readSymbolicLink(target.resolve("bin/sh")));
  }
}
