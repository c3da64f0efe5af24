package kiln.toolchain;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A tar reader that insists on a whole archive. Commons Compress ends the archive quietly when the
 * data runs out at a header, as it does at tar's end-of-archive marker (a zero block), so a tarball
 * cut between two of kiln's xz streams would read as a shorter, sound one: every decoder accepts
 * the first stream alone. This reader tells the two apart, and names the entry when the data ends
 * inside one.
 */
final class CheckedTarInputStream extends TarArchiveInputStream {

  static final String NO_END_MARKER =
      "the archive ends before tar's end-of-archive marker: truncated (e.g. cut between two xz"
          + " streams)";

  private final EndWatch source;
  private boolean sawEndMarker;
  private String current;

  CheckedTarInputStream(InputStream in) {
    this(new EndWatch(in));
  }

  private CheckedTarInputStream(EndWatch source) {
    super(source, "UTF-8");
    this.source = source;
  }

  /** The next entry, or null after the end-of-archive marker; a missing marker is an error. */
  @Override
  public TarArchiveEntry getNextEntry() throws IOException {
    if (current != null) {
      skip(Long.MAX_VALUE); // the rest of the current entry, so a cut there is named as such
    }
    TarArchiveEntry entry;
    try {
      entry = super.getNextEntry();
    } catch (IOException e) {
      String where =
          current == null ? "its first entry's header" : "the header after the entry " + current;
      throw truncatedOr(e, where);
    }
    if (entry == null && !sawEndMarker) {
      throw new DamagedArchiveException(NO_END_MARKER);
    }
    current = entry == null ? null : entry.getName();
    return entry;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    try {
      return super.read(buffer, offset, length);
    } catch (IOException e) {
      throw truncatedOr(e, "the entry " + current);
    }
  }

  @Override
  public long skip(long n) throws IOException {
    try {
      return super.skip(n);
    } catch (IOException e) {
      throw truncatedOr(e, "the entry " + current);
    }
  }

  /** Called for each header-position record; a zero one (not a missing one) is the marker. */
  @Override
  protected boolean isEOFRecord(byte[] record) {
    boolean end = super.isEOFRecord(record);
    if (end && record != null) {
      sawEndMarker = true;
    }
    return end;
  }

  /** A failure after the data ran out is the archive's fault, whatever Commons Compress says. */
  private IOException truncatedOr(IOException e, String where) {
    if (!source.ended || e instanceof DamagedArchiveException) {
      return e;
    }
    DamagedArchiveException truncated =
        new DamagedArchiveException(
            "the archive ends inside " + where + ": truncated (e.g. cut between two xz streams)");
    truncated.initCause(e);
    return truncated;
  }

  /** Notes when the data below ran out; skips by reading so no end goes unseen. */
  private static final class EndWatch extends FilterInputStream {
    private boolean ended;

    EndWatch(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      ended |= b < 0;
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      ended |= n < 0;
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      byte[] scratch = new byte[(int) Math.min(n, 1 << 16)];
      long skipped = 0;
      while (skipped < n) {
        int read = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
        if (read < 0) {
          break;
        }
        skipped += read;
      }
      return skipped;
    }
  }
}
