package kiln.toolchain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
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
 * <p>The chunk size is fixed, never derived from the number of cores, so the output bytes depend
 * only on the input and the preset: the same tarball comes out on a laptop and on CI. Chunks are
 * large because a gcc toolchain repeats itself across binaries tens of megabytes apart (cc1, lto1,
 * lto-dump) and an xz stream only finds repeats within itself.
 */
final class ParallelXzOutputStream extends OutputStream {

  /** Default chunk: the -9 dictionary, so each chunk is compressed as well as xz -9 would. */
  static final int DEFAULT_CHUNK = 64 << 20;

  private final OutputStream out;
  private final LZMA2Options options;
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
    this.out = out;
    this.options = new LZMA2Options(preset);
    this.chunkSize = chunkSize;
    // A chunk never needs a dictionary larger than itself; a smaller one saves memory and time.
    options.setDictSize(
        Math.max(LZMA2Options.DICT_SIZE_MIN, Math.min(options.getDictSize(), chunkSize)));
    this.maxPending = threads + 1;
    this.workers =
        Executors.newFixedThreadPool(
            threads,
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
        chunk = new byte[chunkSize];
        filled = 0;
      }
      int n = Math.min(length, chunkSize - filled);
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
      throw new InterruptedIOException("interrupted while compressing");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException("xz compression failed: " + e.getCause(), e.getCause());
    }
  }
}
