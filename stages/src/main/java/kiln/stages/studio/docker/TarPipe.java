package kiln.stages.studio.docker;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A stream written on a thread of its own while the caller reads it: how a tree goes to an engine
 * (and comes back renamed) without a copy on disk or in memory. A failure of the writer is raised
 * by {@link #check} once the reader is done.
 */
final class TarPipe implements AutoCloseable {

  /** Writes the stream's content. */
  @FunctionalInterface
  interface Writer {
    void write(OutputStream out) throws IOException;
  }

  private final PipedInputStream in = new PipedInputStream(1 << 16);
  private final AtomicReference<IOException> failure = new AtomicReference<>();
  private final Thread thread;

  /** The reader stopped reading: it had what it wanted (a tar's end), or it failed itself. */
  private static final class ReaderGone extends IOException {
    ReaderGone(IOException cause) {
      super(cause);
    }
  }

  private TarPipe(Writer writer, String name) throws IOException {
    OutputStream pipe = new PipedOutputStream(in);
    OutputStream out =
        new FilterOutputStream(pipe) {
          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            try {
              pipe.write(b, off, len);
            } catch (IOException e) {
              throw new ReaderGone(e);
            }
          }

          @Override
          public void write(int b) throws IOException {
            try {
              pipe.write(b);
            } catch (IOException e) {
              throw new ReaderGone(e);
            }
          }
        };
    thread =
        new Thread(
            () -> {
              try (out) {
                writer.write(out);
              } catch (ReaderGone e) {
                // The reader's own outcome tells whether it had everything: an engine that gets
                // a cut tar fails the request, a receiver reads what it wants.
              } catch (IOException e) {
                failure.set(e);
              }
            },
            name);
    thread.setDaemon(true);
    thread.start();
  }

  static TarPipe of(Writer writer, String name) throws IOException {
    return new TarPipe(writer, name);
  }

  InputStream stream() {
    return in;
  }

  /** Waits for the writer and raises its failure, if any. */
  void check() throws IOException, InterruptedException {
    close();
    if (failure.get() != null) {
      throw failure.get();
    }
  }

  @Override
  public void close() throws InterruptedException {
    try {
      // Closed first: a writer whose reader gave up must not stay blocked.
      in.close();
    } catch (IOException e) {
      // A pipe's read end: nothing to lose.
    }
    thread.join();
  }
}
