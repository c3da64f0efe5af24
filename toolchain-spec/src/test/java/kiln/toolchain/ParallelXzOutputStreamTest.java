package kiln.toolchain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tukaani.xz.XZInputStream;

class ParallelXzOutputStreamTest {

  private static byte[] compress(byte[] data, int chunk, int threads) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ParallelXzOutputStream xz = new ParallelXzOutputStream(out, 6, chunk, threads)) {
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
  void concatenatedStreamsDecodeToTheInput() throws IOException {
    byte[] data = someData();
    byte[] xz = compress(data, 64 * 1024, 2);
    assertArrayEquals(data, new XZInputStream(new ByteArrayInputStream(xz)).readAllBytes());
    assertEquals(5, countStreams(xz), "300 kB in 64 KiB chunks is five xz streams");
  }

  @Test
  void theBytesDoNotDependOnTheNumberOfThreads() throws IOException {
    byte[] data = someData();
    assertArrayEquals(compress(data, 64 * 1024, 1), compress(data, 64 * 1024, 3));
  }

  @Test
  void chunksAreHalvesBetween8MiBAndThreeDictionaries() throws IOException {
    assertEquals(8 << 20, ParallelXzOutputStream.chunkSizeFor(1_000_000, 9));
    assertEquals(79 << 20, ParallelXzOutputStream.chunkSizeFor(157L << 20, 9));
    assertEquals(192 << 20, ParallelXzOutputStream.chunkSizeFor(2L << 30, 9));
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
