package kiln.toolchain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.tukaani.xz.ArrayCache;
import org.tukaani.xz.BasicArrayCache;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.UnsupportedOptionsException;
import org.tukaani.xz.XZ;
import org.tukaani.xz.XZOutputStream;

/**
 * xz compression on every core: the input is cut into fixed-size chunks, each compressed on its own
 * thread as a complete xz stream, and the streams are written in order. Concatenated xz streams are
 * valid xz ({@code xz -d}, {@code tar -J} and XZ for Java read them as one).
 *
 * <p>The chunk size comes from the input's size ({@link #chunkSizeFor}), never from the number of
 * cores, so the output bytes depend only on the input and the preset: the same tarball comes out on
 * a laptop and on CI. Chunks are large because a gcc toolchain repeats itself across binaries tens
 * of megabytes apart (cc1, lto1, lto-dump) and an xz stream only finds repeats within itself:
 * cutting a 157 MiB toolchain into 40 MiB chunks made it 26% larger, into two halves 2%.
 */
final class ParallelXzOutputStream extends OutputStream {

  private static final int MIN_CHUNK = 8 << 20;

  /**
   * The chunk size for about {@code totalBytes} of input: halves, so two cores share the work
   * evenly, but at least 8 MiB (smaller chunks compress worse for little gain) and at most three
   * dictionaries (as xz -T does), so a huge tree still splits into many chunks for many cores.
   */
  static int chunkSizeFor(long totalBytes, int preset) throws UnsupportedOptionsException {
    long max = 3L * new LZMA2Options(preset).getDictSize();
    long half = (totalBytes + 1) / 2;
    long rounded = (half + (1 << 20) - 1) >> 20 << 20;
    return (int) Math.min(max, Math.max(MIN_CHUNK, rounded));
  }

  /**
   * How many chunks may be compressed at once without exhausting the heap: each encoder needs about
   * ten times its dictionary.
   */
  static int threadsWithin(int wanted, int chunkSize, int preset)
      throws UnsupportedOptionsException {
    LZMA2Options options = new LZMA2Options(preset);
    options.setDictSize(
        Math.max(LZMA2Options.DICT_SIZE_MIN, Math.min(options.getDictSize(), chunkSize)));
    long perThread = options.getEncoderMemoryUsage() * 1024L + 2L * chunkSize;
    long affordable = Runtime.getRuntime().maxMemory() / 2 / perThread;
    return (int) Math.max(1, Math.min(wanted, affordable));
  }

  private final OutputStream out;
  private final int preset;
  private final int chunkSize;
  private final int maxPending;
  private final ExecutorService workers;
  private final ArrayCache arrays = new BasicArrayCache();
  private final Deque<Future<byte[]>> pending = new ArrayDeque<>();
  private byte[] chunk;
  private int filled;
  private boolean closed;

  ParallelXzOutputStream(OutputStream out, int preset, int chunkSize, int threads)
      throws UnsupportedOptionsException {
    new LZMA2Options(preset); // fails early on a bad preset
    this.out = out;
    this.preset = preset;
    this.chunkSize = chunkSize;
    int workerCount = threadsWithin(threads, chunkSize, preset);
    this.maxPending = workerCount + 1;
    this.workers =
        Executors.newFixedThreadPool(
            workerCount,
            task -> {
              Thread thread = new Thread(task, "kiln-xz");
              thread.setDaemon(true);
              return thread;
            });
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    while (length > 0) {
      if (chunk == null) {
        chunk = new byte[Math.min(chunkSize, 1 << 20)];
        filled = 0;
      }
      if (filled == chunk.length) {
        // Grow as data comes: a small tarball should not cost a whole chunk of memory.
        chunk = Arrays.copyOf(chunk, Math.min(chunkSize, chunk.length * 2));
      }
      int n = Math.min(length, chunk.length - filled);
      System.arraycopy(bytes, offset, chunk, filled, n);
      filled += n;
      offset += n;
      length -= n;
      if (filled == chunkSize) {
        submitChunk();
      }
    }
  }

  /** Compresses what is left, writes every stream in order, and closes the underlying stream. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (chunk != null && filled > 0) {
        submitChunk();
      }
      while (!pending.isEmpty()) {
        writeOldest();
      }
    } finally {
      workers.shutdownNow();
      out.close();
    }
  }

  private void submitChunk() throws IOException {
    byte[] data = chunk;
    int length = filled;
    chunk = null;
    pending.add(workers.submit(() -> compress(data, length)));
    while (pending.size() > maxPending) {
      writeOldest();
    }
  }

  private byte[] compress(byte[] data, int length) throws IOException {
    LZMA2Options options = new LZMA2Options(preset);
    // A dictionary larger than the data buys nothing and costs memory and time.
    options.setDictSize(
        Math.max(LZMA2Options.DICT_SIZE_MIN, Math.min(options.getDictSize(), length)));
    ByteArrayOutputStream compressed = new ByteArrayOutputStream(length / 4 + 1024);
    try (XZOutputStream xz = new XZOutputStream(compressed, options, XZ.CHECK_CRC64, arrays)) {
      xz.write(data, 0, length);
    }
    return compressed.toByteArray();
  }

  private void writeOldest() throws IOException {
    try {
      out.write(pending.removeFirst().get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException interrupted =
          new InterruptedIOException("interrupted while compressing");
      interrupted.initCause(e);
      throw interrupted;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      String why = e.getCause().getMessage();
      throw new IOException(
          "xz compression failed: " + (why == null ? "no reason given" : why), e.getCause());
    }
  }
}
