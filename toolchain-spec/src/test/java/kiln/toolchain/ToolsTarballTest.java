package kiln.toolchain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolsTarballTest {

  private static final BuildTime EPOCH = new BuildTime(Instant.parse("2026-01-02T03:04:05Z"), true);
  @TempDir Path dir;
  private Path base;
  private Path spec;

  @BeforeEach
  void aSpecWithEveryKindOfEntry() throws IOException {
    base = dir.resolve("lfs/tools");
    Trees.write(base.resolve("bin/gcc"), "gcc binary\n".repeat(5000), 0755);
    Files.createLink(base.resolve("bin/cc"), base.resolve("bin/gcc"));
    Trees.write(base.resolve("lib/libc.so.6"), "libc\n", 0644);
    Files.createSymbolicLink(base.resolve("lib/libc.so"), Path.of("libc.so.6"));
    Files.createDirectories(base.resolve("share/empty"));
    Files.setAttribute(base.resolve("share/empty"), "unix:mode", 0700);
    Trees.write(dir.resolve("host/busybox"), "busybox\n", 0755);
    Trees.write(dir.resolve("host/" + "long-name-".repeat(12)), "long\n", 0600);
    spec =
        Files.writeString(
            dir.resolve("spec.yaml"),
            """
        name: demo-studio-stage1
        base: lfs/tools
        files:
          - from: host/busybox
            to: bin/busybox
          - from: host/%s
            to: share/deep/%s
            mode: "0640"
        scripts:
          - to: bin/wget
            mode: "0755"
            content: |
              #!/tools/bin/busybox sh
              exec /tools/bin/wget.real --ca-certificate /tools/etc/cacert.pem "$@"
        links:
          - to: bin/unzip
            target: busybox
        """
                .formatted("long-name-".repeat(12), "long-name-".repeat(12)));
  }

  private BuiltTarball build(BuildTime time, Path out) throws Exception {
    // A small chunk size so even this small tree is several concatenated xz streams.
    return new ToolsTarball(time, 2, 4096).build(ToolchainSpec.read(spec), spec, out);
  }

  @Test
  void roundTripGivesBackTheSourceTreeWithModesAndLinks() throws Exception {
    BuiltTarball built = build(EPOCH, dir.resolve("out"));
    assertEquals("demo-studio-stage1-20260102030405.tar.xz", built.path().getFileName().toString());
    assertEquals(
        "rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(built.path())));
    assertEquals(
        List.of(built.path()), Files.list(dir.resolve("out")).toList(), "no temporary left");

    Path unpacked = dir.resolve("unpacked");
    ToolsTarball.extract(built.path(), unpacked);

    Map<String, String> tree = Trees.describe(unpacked);
    Map<String, String> expected = Trees.describe(base);
    assertEquals(expected.get("bin/gcc"), tree.get("bin/gcc"));
    assertEquals(expected.get("bin/cc"), tree.get("bin/cc"));
    assertEquals("link -> libc.so.6", tree.get("lib/libc.so"));
    assertEquals("dir 700", tree.get("share/empty"));
    assertEquals("link -> busybox", tree.get("bin/unzip"));
    assertTrue(tree.get("bin/wget").startsWith("file 755 "));
    assertTrue(tree.get("share/deep/" + "long-name-".repeat(12)).startsWith("file 640 "));
    assertEquals(
        Files.getAttribute(unpacked.resolve("bin/gcc"), "unix:ino"),
        Files.getAttribute(unpacked.resolve("bin/cc"), "unix:ino"),
        "a hard link in base stays a hard link");
    assertEquals(
        EPOCH.now(), Files.getLastModifiedTime(unpacked.resolve("bin/busybox")).toInstant());
  }

  @Test
  void theChunksArePlannedForTheExactLengthOfTheTar() throws Exception {
    // Planned short, the tar's last few bytes became a chunk of their own, primed with a whole
    // dictionary of the data before it: twice the work for a few hundred kilobytes.
    BuiltTarball built = build(EPOCH, dir.resolve("out"));
    long tarLength;
    try (InputStream tar = TarballInput.xz(built.path())) {
      tarLength = tar.transferTo(OutputStream.nullOutputStream());
    }
    List<PlannedEntry> entries = WriteOrder.of(TreePlan.of(ToolchainSpec.read(spec), EPOCH, spec));
    assertEquals(tarLength, ToolsTarball.tarLength(entries));
  }

  @Test
  void listShowsEveryEntryUnderToolsSortedWithModesAndLinks() throws Exception {
    List<String> lines =
        ToolsTarball.list(build(EPOCH, dir.resolve("out")).path()).stream()
            .map(TarballEntry::toString)
            .toList();
    assertEquals("drwxr-xr-x 0 tools/", lines.get(0));
    assertTrue(lines.contains("-rwxr-xr-x 8 tools/bin/busybox"), lines.toString());
    assertTrue(lines.contains("hrwxr-xr-x 0 tools/bin/gcc link to tools/bin/cc"), lines.toString());
    assertTrue(lines.contains("lrwxrwxrwx 0 tools/bin/unzip -> busybox"), lines.toString());
    assertTrue(
        lines.indexOf("drwxr-xr-x 0 tools/bin/") < lines.indexOf("-rwxr-xr-x 8 tools/bin/busybox"));
  }

  @Test
  void twoBuildsWithOneSourceDateEpochAreIdentical() throws Exception {
    BuiltTarball first = build(EPOCH, dir.resolve("one"));
    Files.setLastModifiedTime(
        base.resolve("lib/libc.so.6"), java.nio.file.attribute.FileTime.from(Instant.now()));
    BuiltTarball second =
        new ToolsTarball(EPOCH, 1, 4096).build(ToolchainSpec.read(spec), spec, dir.resolve("two"));
    assertArrayEquals(Files.readAllBytes(first.path()), Files.readAllBytes(second.path()));
    assertEquals(first.sha256(), second.sha256());
  }

  @Test
  void buildingTheSameInputsAgainIsFineButOtherInputsNeverReplaceTheTarball() throws Exception {
    Path out = dir.resolve("out");
    BuiltTarball first = build(EPOCH, out);
    byte[] bytes = Files.readAllBytes(first.path());
    assertEquals(first, build(EPOCH, out), "same inputs, same name, same bytes: nothing to do");

    Files.writeString(base.resolve("lib/libc.so.6"), "another libc\n");
    TarballException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            TarballException.class, () -> build(EPOCH, out));
    assertEquals(
        first.path()
            + " already exists with other content (another build or freshen in the same second, or"
            + " with the same SOURCE_DATE_EPOCH, from other inputs?); kiln does not replace it:"
            + " remove it, or write to another directory (--out)",
        e.getMessage());
    assertArrayEquals(bytes, Files.readAllBytes(first.path()), "the first tarball is kept");
    assertEquals(List.of(first.path()), Files.list(out).toList(), "no temporary left");
  }

  @Test
  void systemTarAndXzReadIt() throws Exception {
    BuiltTarball built = build(EPOCH, dir.resolve("out"));
    Trees.run(dir, "xz", "-t", built.path().toString());
    String listing = Trees.run(dir, "tar", "-tJvf", built.path().toString());
    assertTrue(listing.contains("root/root"), listing);
    assertTrue(listing.contains("tools/bin/unzip -> busybox"), listing);
    assertTrue(listing.contains("tools/share/deep/" + "long-name-".repeat(12)), listing);
    Files.createDirectories(dir.resolve("x"));
    Trees.run(dir.resolve("x"), "tar", "-xJf", built.path().toString());
    assertEquals(Trees.describe(dir.resolve("x/tools")), Trees.describe(extracted(built)));
  }

  private Path extracted(BuiltTarball built) throws Exception {
    Path unpacked = dir.resolve("mine");
    ToolsTarball.extract(built.path(), unpacked);
    return unpacked;
  }

  @Test
  void writesNothingWhenTheSpecClashesWithTheFileSystem() throws Exception {
    Files.writeString(spec, Files.readString(spec).replace("to: bin/busybox", "to: lib/libc.so.6"));
    Path out = dir.resolve("out");
    SpecException e =
        org.junit.jupiter.api.Assertions.assertThrows(SpecException.class, () -> build(EPOCH, out));
    assertTrue(
        e.getMessage()
            .contains("files[0].to: 'lib/libc.so.6' is also tools/lib/libc.so.6 from base"),
        e.getMessage());
    assertTrue(Files.notExists(out));
  }
}
