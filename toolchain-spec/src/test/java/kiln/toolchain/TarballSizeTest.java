package kiln.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tools tarball against what the maintainers' pipeline makes, {@code tar | xz -9}: a toolchain
 * holds large binaries that share most of their bytes (gcc's cc1, cc1plus and lto1), and kiln's
 * parallel compression must still find what one xz stream finds. The tree is scaled to preset 3 (a
 * 4 MiB dictionary, fast to compress) as gcc's is to preset 9 (64 MiB): each binary repeats the one
 * before it, within the dictionary, in a tree cut into two chunks.
 */
class TarballSizeTest {

  private static final BuildTime TIME = new BuildTime(Instant.parse("2026-01-01T00:00:00Z"), true);
  private static final int MIB = 1 << 20;
  @TempDir Path dir;

  @Test
  void similarBinariesCostNoMoreThanInOneXzStream() throws Exception {
    Path spec = similarBinaries();
    BuiltTarball built =
        new ToolsTarball(TIME, 2).build(ToolchainSpec.read(spec), spec, dir.resolve("out"));
    Path tar = dir.resolve("same.tar");
    Trees.run(dir, "sh", "-c", "xz -dc '" + built.path() + "' > '" + tar + "'");
    Trees.run(dir, "sh", "-c", "xz -3 -T1 -c '" + tar + "' > '" + tar + ".xz'");
    long kiln = Files.size(built.path());
    long single = Files.size(Path.of(tar + ".xz"));
    assertTrue(
        kiln <= 1.03 * single,
        "kiln's tarball has " + kiln + " bytes, xz -3 of the same tar " + single);
    assertEquals(List.of(), ToolsTarball.verify(built.path()));
  }

  @Test
  void similarBinariesApartInPathOrderAreWrittenSideBySide() throws Exception {
    // cc1 and cc1plus share 2.5 MiB, with 7.5 MiB of other files between them in path order:
    // further apart than preset 3's 4 MiB dictionary reaches.
    Random random = new Random(34);
    byte[] shared = randomBytes(random, 5 * MIB / 2);
    ByteArrayOutputStream distinct = new ByteArrayOutputStream();
    distinct.write(shared);
    for (String name : List.of("bin/cc1", "libexec/cc1plus", "libexec/lto1")) {
      byte[] own = randomBytes(random, MIB / 2);
      distinct.write(own);
      write(name, shared, own);
    }
    for (int i = 0; i < 5; i++) {
      byte[] other = randomBytes(random, 3 * MIB / 2);
      distinct.write(other);
      write("lib/other" + i + ".so", other);
    }
    Path spec =
        Files.writeString(
            dir.resolve("spec.yaml"), "name: gcc\nbase: gcc/tools\nxz: { preset: 3 }\n");
    BuiltTarball built =
        new ToolsTarball(TIME, 2).build(ToolchainSpec.read(spec), spec, dir.resolve("out"));
    Path content = Files.write(dir.resolve("distinct"), distinct.toByteArray());
    Trees.run(dir, "xz", "-3", "-k", content.toString());
    long floor = Files.size(Path.of(content + ".xz"));
    long kiln = Files.size(built.path());
    assertTrue(
        kiln <= 1.03 * floor,
        "kiln's tarball has " + kiln + " bytes, the distinct content compressed " + floor);
    assertEquals(List.of(), ToolsTarball.verify(built.path()));
  }

  private void write(String name, byte[]... parts) throws IOException {
    Path file = dir.resolve("gcc/tools/" + name);
    Files.createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file)) {
      for (byte[] part : parts) {
        out.write(part);
      }
    }
  }

  private static byte[] randomBytes(Random random, int size) {
    byte[] bytes = new byte[size];
    random.nextBytes(bytes);
    return bytes;
  }

  /**
   * Six 3 MiB "binaries" sharing 2.5 MiB of random bytes, each with 0.5 MiB of its own: 18 MiB,
   * large enough to be compressed as more than one chunk.
   */
  private Path similarBinaries() throws IOException {
    Random random = new Random(12);
    byte[] shared = new byte[5 * MIB / 2];
    random.nextBytes(shared);
    for (String name : List.of("cc1", "cc1obj", "cc1plus", "f951", "lto-dump", "lto1")) {
      byte[] binary = new byte[3 * MIB];
      System.arraycopy(shared, 0, binary, 0, shared.length);
      byte[] own = new byte[binary.length - shared.length];
      random.nextBytes(own);
      System.arraycopy(own, 0, binary, shared.length, own.length);
      Path file = dir.resolve("gcc/tools/libexec/" + name);
      Files.createDirectories(file.getParent());
      Files.write(file, binary);
    }
    return Files.writeString(
        dir.resolve("spec.yaml"), "name: gcc\nbase: gcc/tools\nxz: { preset: 3 }\n");
  }
}
