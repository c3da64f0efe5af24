package kiln.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tarballs that are sound xz but not a whole tar, or whole but followed by junk: {@code xz -T},
 * pixz and kiln with fixed chunks write big tarballs as several xz streams, and the first alone is
 * a valid xz file that every decoder (and GNU tar) accepts, so only the tar's end-of-archive marker
 * tells a cut one from a whole one.
 */
class DamagedTarballTest {

  private static final String CUT = "truncated (e.g. cut between two xz streams)";
  @TempDir Path dir;
  private Path tarball;
  private byte[] tar;

  @BeforeEach
  void aTarOfThreeEntries() throws IOException {
    tarball = dir.resolve("cut.tar.xz");
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    try (HandMadeTarball t = new HandMadeTarball(raw)) {
      t.dir("tools/").file("tools/a", "first\n").file("tools/b", "second\n");
    }
    tar = raw.toByteArray();
  }

  /** Where the header of tools/b starts: after tools/ (one block) and tools/a (two). */
  private static final int BEFORE_B = 3 * 512;

  private List<String> verify() {
    return ToolsTarball.verify(tarball).stream().map(Object::toString).toList();
  }

  private String extractionFailure() {
    return assertThrows(
            TarballException.class, () -> ToolsTarball.extract(tarball, dir.resolve("x")))
        .getMessage();
  }

  @Test
  void bothStreamsTogetherAreSound() throws Exception {
    Files.write(
        tarball,
        HandMadeTarball.xzStreams(
            Arrays.copyOfRange(tar, 0, BEFORE_B), Arrays.copyOfRange(tar, BEFORE_B, tar.length)));
    assertEquals(List.of(), verify());
    ToolsTarball.extract(tarball, dir.resolve("x"));
    assertEquals("second\n", Files.readString(dir.resolve("x/b")));
  }

  @Test
  void onlyTheFirstOfTwoStreamsIsRefusedThoughXzAcceptsIt() throws Exception {
    Files.write(tarball, HandMadeTarball.xzStreams(Arrays.copyOfRange(tar, 0, BEFORE_B)));
    Trees.run(dir, "xz", "-t", tarball.toString()); // sound xz: only the tar can tell
    assertEquals(
        List.of(
            "the archive ends before tar's end-of-archive marker: " + CUT + " (after 2 entries)"),
        verify());
    String message = extractionFailure();
    assertTrue(message.contains("ends before tar's end-of-archive marker: " + CUT), message);
  }

  @Test
  void aCutInsideAnEntryNamesIt() throws Exception {
    Files.write(tarball, HandMadeTarball.xzStreams(Arrays.copyOfRange(tar, 0, 2 * 512 + 3)));
    List<String> problems = verify();
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(
        problems.get(0).startsWith("the archive ends inside the entry tools/a: " + CUT),
        problems.toString());
    String message = extractionFailure();
    assertTrue(message.contains("the archive ends inside the entry tools/a: " + CUT), message);
  }

  @Test
  void aCutInsideAHeaderIsTruncatedToo() throws Exception {
    Files.write(tarball, HandMadeTarball.xzStreams(Arrays.copyOfRange(tar, 0, BEFORE_B + 100)));
    assertTrue(verify().get(0).contains(CUT), verify().toString());
    assertTrue(extractionFailure().contains(CUT));
  }

  @Test
  void kilnsOwnTarballCutAtAStreamBoundaryIsRefused() throws Exception {
    Trees.write(dir.resolve("lfs/tools/bin/gcc"), "gcc\n".repeat(3000), 0755);
    Trees.write(dir.resolve("lfs/tools/lib/libc.so.6"), "libc\n".repeat(3000), 0644);
    Path spec = Files.writeString(dir.resolve("spec.yaml"), "name: cut\nbase: lfs/tools\n");
    BuildTime time = new BuildTime(Instant.parse("2026-01-01T00:00:00Z"), true);
    BuiltTarball built =
        new ToolsTarball(time, 2, 8192).build(ToolchainSpec.read(spec), spec, dir.resolve("out"));
    byte[] whole = Files.readAllBytes(built.path());
    int second = secondStream(whole);
    Files.write(tarball, Arrays.copyOf(whole, second));
    Trees.run(dir, "xz", "-t", tarball.toString());
    List<String> problems = verify();
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains(CUT), problems.toString());
    assertTrue(extractionFailure().contains(CUT));
  }

  /** Where the second xz stream starts (its header magic). */
  private static int secondStream(byte[] xz) {
    byte[] magic = {(byte) 0xFD, '7', 'z', 'X', 'Z', 0};
    for (int i = 1; i + magic.length <= xz.length; i++) {
      if (Arrays.equals(xz, i, i + magic.length, magic, 0, magic.length)) {
        return i;
      }
    }
    throw new AssertionError("a single xz stream; the test needs two");
  }

  @Test
  void bytesAfterTheLastStreamAreNotCalledTruncation() throws Exception {
    byte[] whole = HandMadeTarball.xzStreams(tar);
    for (String junk : List.of("\n", "-----BEGIN PGP SIGNATURE-----\n")) {
      Files.write(tarball, concat(whole, junk.getBytes(StandardCharsets.UTF_8)));
      assertEquals(
          List.of("unexpected data after the end of the xz stream(s) (after 3 entries)"), verify());
      assertTrue(extractionFailure().contains("unexpected data after the end of the xz stream(s)"));
    }
  }

  @Test
  void streamPaddingIsNotJunkButAHalfHeaderIsTruncation() throws Exception {
    byte[] whole = HandMadeTarball.xzStreams(tar);
    Files.write(tarball, concat(whole, new byte[8]));
    assertEquals(List.of(), verify(), "xz stream padding (zeros, four at a time) is allowed");
    Files.write(tarball, concat(whole, new byte[] {(byte) 0xFD, '7', 'z'}));
    List<String> problems = verify();
    assertTrue(problems.get(0).startsWith("truncated: the xz data ends"), problems.toString());
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
