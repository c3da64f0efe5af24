package kiln.toolchain;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.tukaani.xz.SingleXZInputStream;

/**
 * The decompressed bytes of one or more concatenated xz streams (kiln writes several), read as
 * {@code XZInputStream} reads them, but telling two failures apart that it reports alike: a file
 * cut short (the decoder's {@code EOFException}, "truncated") and bytes after the last complete
 * stream that are not xz at all (an appended signature, a stray newline), which are not.
 */
final class XzStreams extends InputStream {

  private static final byte[] MAGIC = {(byte) 0xFD, '7', 'z', 'X', 'Z', 0};
  private final InputStream in;
  private SingleXZInputStream stream;
  private boolean ended;

  XzStreams(InputStream in) throws IOException {
    this.in = in.markSupported() ? in : new BufferedInputStream(in);
    this.stream = new SingleXZInputStream(this.in);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    while (!ended) {
      int n = stream.read(buffer, offset, length);
      if (n >= 0) {
        return n;
      }
      nextStream();
    }
    return -1;
  }

  /** After a stream: its padding (groups of four zero bytes), then the end or another stream. */
  private void nextStream() throws IOException {
    while (true) {
      in.mark(MAGIC.length);
      byte[] padding = in.readNBytes(4);
      if (padding.length == 0) {
        ended = true;
        return;
      }
      if (padding.length == 4 && Arrays.equals(padding, new byte[4])) {
        continue;
      }
      in.reset();
      in.mark(MAGIC.length);
      byte[] head = in.readNBytes(MAGIC.length);
      in.reset();
      // A header cut short is a truncated stream (the decoder says so); anything else is junk.
      if (!Arrays.equals(head, 0, head.length, MAGIC, 0, head.length)) {
        throw new DamagedArchiveException("unexpected data after the end of the xz stream(s)");
      }
      stream = new SingleXZInputStream(in);
      return;
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
