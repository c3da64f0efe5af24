package kiln.toolchain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZ;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

class ParallelXzOutputStreamTest {

  /** Two chunks after the first, each primed with the 50 kB before it. */
  private static final ChunkPlan PRIMED = new ChunkPlan(100_000, 64 * 1024, 50_000, 64 * 1024);

  @TempDir Path dir;

  private static byte[] compress(byte[] data, ChunkPlan plan, int threads) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ParallelXzOutputStream xz = new ParallelXzOutputStream(out, 6, plan, threads)) {
      for (int i = 0; i < data.length; i += 1000) {
        xz.write(data, i, Math.min(1000, data.length - i));
      }
    }
    return out.toByteArray();
  }

  private static byte[] someData() {
    byte[] data = new byte[300_000];
    Random random = new Random(42);
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) ('a' + random.nextInt(4));
    }
    return data;
  }

  @Test
  void unprimedChunksAreConcatenatedStreamsThatDecodeToTheInput() throws IOException {
    byte[] data = someData();
    byte[] xz = compress(data, ChunkPlan.unprimed(64 * 1024, 6), 2);
    assertArrayEquals(data, new XZInputStream(new ByteArrayInputStream(xz)).readAllBytes());
    assertEquals(5, countStreams(xz), "300 kB in 64 KiB chunks is five xz streams");
  }

  @Test
  void primedChunksAreOneStreamThatXzBusyboxAndXzForJavaDecode() throws Exception {
    byte[] data = someData();
    byte[] xz = compress(data, PRIMED, 2);
    assertEquals(1, countStreams(xz));
    assertArrayEquals(data, new XZInputStream(new ByteArrayInputStream(xz)).readAllBytes());
    Path file = Files.write(dir.resolve("primed.xz"), xz);
    Trees.run(dir, "xz", "-t", file.toString());
    Trees.run(dir, "xz", "-dk", file.toString());
    assertArrayEquals(data, Files.readAllBytes(dir.resolve("primed")));
    Trees.run(dir, "sh", "-c", "busybox xzcat primed.xz > busybox.out");
    assertArrayEquals(data, Files.readAllBytes(dir.resolve("busybox.out")));
  }

  @Test
  void aPrimedChunkFindsRepeatsInTheChunkBeforeIt() throws IOException {
    byte[] random = new byte[120_000];
    new Random(7).nextBytes(random);
    byte[] twice = new byte[240_000];
    System.arraycopy(random, 0, twice, 0, random.length);
    System.arraycopy(random, 0, twice, random.length, random.length);
    ChunkPlan cutInTheMiddle = new ChunkPlan(120_000, 120_000, 120_000, 256 * 1024);
    int primed = compress(twice, cutInTheMiddle, 2).length;
    int unprimed = compress(twice, ChunkPlan.unprimed(120_000, 6), 2).length;
    assertTrue(primed < 0.55 * unprimed, primed + " bytes primed, " + unprimed + " unprimed");
  }

  @Test
  void theBytesDoNotDependOnTheNumberOfThreads() throws IOException {
    byte[] data = someData();
    assertArrayEquals(compress(data, PRIMED, 1), compress(data, PRIMED, 3));
    ChunkPlan unprimed = ChunkPlan.unprimed(64 * 1024, 6);
    assertArrayEquals(compress(data, unprimed, 1), compress(data, unprimed, 3));
  }

  @Test
  void oneChunkIsTheStreamXzForJavaWritesItself() throws IOException {
    byte[] data = someData();
    ChunkPlan plan = ChunkPlan.forSize(data.length, 6);
    LZMA2Options options = new LZMA2Options(6);
    options.setDictSize(plan.dictSize());
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    try (XZOutputStream xz = new XZOutputStream(expected, options, XZ.CHECK_CRC64)) {
      xz.write(data);
    }
    assertArrayEquals(expected.toByteArray(), compress(data, plan, 2));
  }

  @Test
  void anEmptyInputIsAnEmptyXzStream() throws IOException {
    byte[] xz = compress(new byte[0], ChunkPlan.forSize(0, 6), 2);
    assertEquals(0, new XZInputStream(new ByteArrayInputStream(xz)).readAllBytes().length);
  }

  @Test
  void bigInputsAreCutInTwoOrIntoChunksOfThreeDictionariesWithTheFirstLarger() throws IOException {
    assertEquals(1, chunkCount(1_000_000, ChunkPlan.forSize(1_000_000, 9)));
    ChunkPlan gcc = ChunkPlan.forSize(150L << 20, 9);
    assertEquals(2, chunkCount(150L << 20, gcc));
    assertEquals(64 << 20, gcc.window(), "a whole dictionary of the data before the cut");
    assertTrue(gcc.first() > gcc.rest(), gcc.toString());
    ChunkPlan small = ChunkPlan.forSize(40L << 20, 9);
    assertEquals(40 << 20, small.window(), "the whole first chunk primes the second");
    // Priming with hash chains is cheap: the first chunk is larger only by about what the later
    // chunk's bytes cost more (LATER_COST), 55% of the tar.
    assertTrue(small.first() > 0.54 * (40 << 20), small.toString());
    assertTrue(small.first() < 0.56 * (40 << 20), small.toString());
    assertEquals(4, chunkCount(600L << 20, ChunkPlan.forSize(600L << 20, 9)));
  }

  @Test
  void aPrimedChunkIsEncodedWithHashChainsAndOtherwiseThePresetsSettings() throws Exception {
    // Reading a primer into BT4's binary tree cost half of compressing it: the second core
    // spent most of its time on it.
    ChunkPlan plan = ChunkPlan.forSize(150L << 20, 9);
    LZMA2Options preset = new LZMA2Options(9);
    LZMA2Options first = plan.encoderOptions(9, false);
    LZMA2Options primed = plan.encoderOptions(9, true);
    assertEquals(LZMA2Options.MF_BT4, first.getMatchFinder());
    assertEquals(LZMA2Options.MF_HC4, primed.getMatchFinder());
    for (LZMA2Options options : new LZMA2Options[] {first, primed}) {
      assertEquals(plan.dictSize(), options.getDictSize());
      assertEquals(preset.getMode(), options.getMode());
      assertEquals(preset.getNiceLen(), options.getNiceLen());
      assertEquals(preset.getDepthLimit(), options.getDepthLimit());
      assertEquals(preset.getLc(), options.getLc());
      assertEquals(preset.getPb(), options.getPb());
    }
  }

  private static int chunkCount(long total, ChunkPlan plan) {
    int count = 1;
    for (long left = total - plan.first(); left > 0; left -= plan.rest()) {
      count++;
    }
    return count;
  }

  /** Each xz stream starts with the magic bytes FD '7zXZ' 00. */
  private static int countStreams(byte[] xz) {
    int count = 0;
    for (int i = 0; i + 6 <= xz.length; i++) {
      if ((xz[i] & 0xff) == 0xfd
          && xz[i + 1] == '7'
          && xz[i + 2] == 'z'
          && xz[i + 3] == 'X'
          && xz[i + 4] == 'Z'
          && xz[i + 5] == 0) {
        count++;
      }
    }
    return count;
  }
}
