package kiln.toolchain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.tukaani.xz.ArrayCache;
import org.tukaani.xz.BasicArrayCache;
import org.tukaani.xz.FinishableOutputStream;
import org.tukaani.xz.FinishableWrapperOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.UnsupportedOptionsException;

/**
 * xz compression on every core: the input is cut into chunks ({@link ChunkPlan}), each compressed
 * on its own thread, and the results are written in order. A chunk's encoder first reads the data
 * before the chunk into its dictionary (the plan's window), so its LZMA2 output continues the block
 * of the chunk before: the whole input becomes one xz stream that finds repeats as far back as a
 * single-threaded xz does. Chunks planned without a window start a new xz stream instead
 * (concatenated xz streams are valid xz: {@code xz -d}, {@code tar -J} and XZ for Java read them as
 * one).
 *
 * <p>The plan comes from the input's size, never from the number of cores, and every chunk's
 * encoder sees the same bytes whatever thread runs it, so the output depends only on the input and
 * the preset: the same tarball comes out on a laptop and on CI.
 */
final class ParallelXzOutputStream extends OutputStream {

  /**
   * How many chunks may be compressed at once without exhausting the heap: each encoder needs about
   * ten times its dictionary, plus its chunk, its primer and its output.
   */
  static int threadsWithin(int wanted, ChunkPlan plan, int preset)
      throws UnsupportedOptionsException {
    LZMA2Options options = new LZMA2Options(preset);
    options.setDictSize(plan.dictSize());
    long perThread =
        options.getEncoderMemoryUsage() * 1024L + 2L * plan.largest() + (long) plan.window();
    long affordable = Runtime.getRuntime().maxMemory() / 2 / perThread;
    return (int) Math.max(1, Math.min(wanted, affordable));
  }

  /** A filled chunk: {@code data[0, length)}. */
  private record Chunk(byte[] data, int length) {}

  /** A chunk on its way: its compressed LZMA2 chunks, and whether it starts a new xz stream. */
  private record Piece(Chunk chunk, Future<byte[]> lzma2, boolean startsStream) {}

  private final OutputStream out;
  private final int preset;
  private final ChunkPlan plan;
  private final int maxPending;
  private final ExecutorService workers;
  private final ArrayCache arrays = new BasicArrayCache();
  private final Deque<Piece> pending = new ArrayDeque<>();

  /** The latest chunks, newest last, as many as the window reaches back into. */
  private final Deque<Chunk> recent = new ArrayDeque<>();

  private XzStreamWriter stream;
  private int chunks;
  private byte[] chunk;
  private int filled;
  private boolean closed;

  ParallelXzOutputStream(OutputStream out, int preset, ChunkPlan plan, int threads)
      throws UnsupportedOptionsException {
    new LZMA2Options(preset); // fails early on a bad preset
    this.out = out;
    this.preset = preset;
    this.plan = plan;
    int workerCount = threadsWithin(threads, plan, preset);
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
      int chunkSize = plan.sizeOf(chunks);
      if (chunk == null) {
        // All at once, as planned from the exact length: an array grown step by step was copied
        // again by every young collection, which stops both encoders (seconds of a 44 MB tar).
        chunk = new byte[chunkSize];
        filled = 0;
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
      if (stream == null) {
        stream = new XzStreamWriter(out, plan.dictSize()); // no input: an empty xz stream
      }
      stream.finish();
    } finally {
      workers.shutdownNow();
      out.close();
    }
  }

  private void submitChunk() throws IOException {
    Chunk done = new Chunk(chunk, filled);
    chunk = null;
    chunks++;
    byte[] primer = primer();
    pending.add(new Piece(done, workers.submit(() -> compress(done, primer)), primer == null));
    recent.addLast(done);
    long kept = 0;
    for (Chunk c : recent) {
      kept += c.length();
    }
    while (!recent.isEmpty() && kept - recent.peekFirst().length() >= plan.window()) {
      kept -= recent.removeFirst().length();
    }
    while (pending.size() > maxPending) {
      writeOldest();
    }
  }

  /** The last {@code window} bytes before the chunk being submitted, or null for none. */
  private byte[] primer() {
    long before = 0;
    for (Chunk c : recent) {
      before += c.length();
    }
    int size = (int) Math.min(plan.window(), before);
    if (size == 0) {
      return null;
    }
    byte[] primer = new byte[size];
    int end = size;
    for (Iterator<Chunk> newestFirst = recent.descendingIterator();
        end > 0 && newestFirst.hasNext(); ) {
      Chunk c = newestFirst.next();
      int n = Math.min(end, c.length());
      System.arraycopy(c.data(), c.length() - n, primer, end - n, n);
      end -= n;
    }
    return primer;
  }

  /** Raw LZMA2 chunks for {@code chunk}, without the end marker: the block goes on after them. */
  private byte[] compress(Chunk chunk, byte[] primer) throws IOException {
    LZMA2Options options = plan.encoderOptions(preset, primer != null);
    if (primer != null) {
      options.setPresetDict(primer);
    }
    ByteArrayOutputStream compressed = new ByteArrayOutputStream(chunk.length() / 4 + 1024);
    try (FinishableOutputStream lzma2 =
        options.getOutputStream(new FinishableWrapperOutputStream(compressed), arrays)) {
      lzma2.write(chunk.data(), 0, chunk.length());
      lzma2.finish();
    }
    byte[] bytes = compressed.toByteArray();
    return Arrays.copyOf(bytes, bytes.length - 1);
  }

  private void writeOldest() throws IOException {
    try {
      Piece piece = pending.removeFirst();
      byte[] lzma2 = piece.lzma2().get();
      if (piece.startsStream()) {
        if (stream != null) {
          stream.finish();
        }
        stream = new XzStreamWriter(out, plan.dictSize());
      }
      stream.append(lzma2, piece.chunk().data(), piece.chunk().length());
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
