package kiln.toolchain;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarUtils;

/**
 * Reads a tar stream as raw entries: the exact header blocks of each entry (with any pax or GNU
 * long-name blocks before it) and its content, so they can be copied unchanged. Commons Compress
 * parses the header blocks; this class only finds where each entry starts and ends.
 */
final class RawTarReader {

  private static final int BLOCK = TarStreamWriter.BLOCK;
  private final InputStream in;
  private long dataLeft;
  private long position;

  RawTarReader(InputStream in) {
    this.in = in;
  }

  /**
   * One entry as stored.
   *
   * @param header its header blocks, verbatim
   * @param entry those blocks parsed, or null for a pax global header
   * @param size the content's length (the padded blocks after it are size rounded up)
   */
  record RawEntry(byte[] header, TarArchiveEntry entry, long size) {}

  /** The next entry, or null at the end of the archive; call after consuming the last's data. */
  RawEntry next() throws IOException {
    skipData();
    ByteArrayOutputStream group = new ByteArrayOutputStream();
    while (true) {
      byte[] block = readBlock();
      if (block == null) {
        throw new DamagedArchiveException(CheckedTarInputStream.NO_END_MARKER);
      }
      if (isZero(block)) {
        return null;
      }
      group.write(block);
      byte type = block[156];
      if (type == 'x' || type == 'L' || type == 'K' || type == 'g') {
        long size = TarUtils.parseOctalOrBinary(block, 124, 12);
        byte[] data = in.readNBytes((int) padded(size));
        position += data.length;
        if (data.length < padded(size)) {
          throw truncated("inside an extended header");
        }
        group.write(data);
        if (type != 'g') {
          continue;
        }
        // A global header applies to all that follows; it is copied on its own, never dropped.
      }
      byte[] header = group.toByteArray();
      if (type == 'g') {
        return new RawEntry(header, null, 0);
      }
      TarArchiveEntry entry = parse(header);
      long size = entry.getSize();
      dataLeft = padded(size);
      return new RawEntry(header, entry, size);
    }
  }

  /** How many bytes of the tar have been read (after the last header or content read). */
  long position() {
    return position;
  }

  /** The current entry's content (exactly its size; the padding is skipped on the next call). */
  InputStream data(long size) {
    return new InputStream() {
      private long left = size;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        if (left == 0) {
          return -1;
        }
        int n = in.read(buffer, offset, (int) Math.min(length, left));
        if (n < 0) {
          throw truncated("inside an entry");
        }
        left -= n;
        dataLeft -= n;
        position += n;
        return n;
      }
    };
  }

  private void skipData() throws IOException {
    while (dataLeft > 0) {
      long skipped = in.skip(dataLeft);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw truncated("inside an entry");
        }
        skipped = 1;
      }
      dataLeft -= skipped;
      position += skipped;
    }
  }

  private static TarArchiveEntry parse(byte[] header) throws IOException {
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new ByteArrayInputStream(header), "UTF-8")) {
      TarArchiveEntry entry = tar.getNextEntry();
      if (entry == null) {
        throw new IOException("unreadable tar header");
      }
      return entry;
    }
  }

  private byte[] readBlock() throws IOException {
    byte[] block = in.readNBytes(BLOCK);
    position += block.length;
    if (block.length == 0) {
      return null;
    }
    if (block.length < BLOCK) {
      throw truncated("inside a header");
    }
    return block;
  }

  private static DamagedArchiveException truncated(String where) {
    return new DamagedArchiveException(
        "the archive ends " + where + ": truncated (e.g. cut between two xz streams)");
  }

  private static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static long padded(long size) {
    return (size + BLOCK - 1) / BLOCK * BLOCK;
  }
}
