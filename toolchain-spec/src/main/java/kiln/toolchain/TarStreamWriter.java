package kiln.toolchain;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipEncoding;
import org.apache.commons.compress.archivers.zip.ZipEncodingHelper;

/**
 * Writes a POSIX tar stream block by block. Unlike Commons Compress's own output stream it can also
 * copy an entry's header blocks verbatim, which is what lets freshen keep untouched entries
 * byte-for-byte. Headers it makes itself are ustar, with a pax record for names that do not fit.
 */
final class TarStreamWriter implements AutoCloseable {

  static final int BLOCK = 512;

  /** GNU tar pads archives to 20 blocks; some readers expect whole records. */
  private static final int RECORD = 20 * BLOCK;

  private static final ZipEncoding UTF8 = ZipEncodingHelper.getZipEncoding("UTF-8");
  private final OutputStream out;
  private long written;

  TarStreamWriter(OutputStream out) {
    this.out = out;
  }

  /**
   * The exact length of the archive this writer makes of entries with these headers (pax records,
   * padding and the end of the archive included), without reading any content.
   */
  static long lengthOf(List<TarArchiveEntry> headers) throws IOException {
    TarStreamWriter counter = new TarStreamWriter(OutputStream.nullOutputStream());
    for (TarArchiveEntry header : headers) {
      counter.writeHeader(header);
      counter.written += header.getSize();
      counter.padTo(BLOCK);
    }
    counter.close();
    return counter.written;
  }

  /** Writes a header for {@code entry}, then {@code entry.getSize()} bytes of content. */
  void write(TarArchiveEntry entry, InputStream content) throws IOException {
    writeHeader(entry);
    if (entry.getSize() > 0) {
      copy(content, entry.getSize());
    }
  }

  /** Writes the header (and a pax record first when the name or link target is long). */
  void writeHeader(TarArchiveEntry entry) throws IOException {
    byte[] name = entry.getName().getBytes(StandardCharsets.UTF_8);
    byte[] link = entry.getLinkName().getBytes(StandardCharsets.UTF_8);
    if (name.length >= TarConstants.NAMELEN || link.length >= TarConstants.NAMELEN) {
      writePax(entry, name.length >= TarConstants.NAMELEN, link.length >= TarConstants.NAMELEN);
    }
    byte[] header = new byte[BLOCK];
    entry.writeEntryHeader(header, UTF8, true);
    writeBytes(header, header.length);
  }

  /** Copies header blocks exactly as they were in another archive. */
  void writeRawHeader(byte[] blocks) throws IOException {
    writeBytes(blocks, blocks.length);
  }

  /** Copies {@code size} bytes of entry content and pads them to a whole block. */
  void copy(InputStream content, long size) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long left = size;
    while (left > 0) {
      int n = content.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        throw new IOException("content ended " + left + " bytes early");
      }
      writeBytes(buffer, n);
      left -= n;
    }
    padTo(BLOCK);
  }

  /** Ends the archive: two zero blocks, then zeros to a whole record. */
  @Override
  public void close() throws IOException {
    writeBytes(new byte[2 * BLOCK], 2 * BLOCK);
    padTo(RECORD);
    out.close();
  }

  private void writePax(TarArchiveEntry entry, boolean longName, boolean longLink)
      throws IOException {
    StringBuilder records = new StringBuilder();
    if (longName) {
      records.append(paxRecord("path", entry.getName()));
    }
    if (longLink) {
      records.append(paxRecord("linkpath", entry.getLinkName()));
    }
    byte[] data = records.toString().getBytes(StandardCharsets.UTF_8);
    String shortName = "PaxHeaders/" + lastPart(entry.getName());
    TarArchiveEntry pax =
        new TarArchiveEntry(truncate(shortName), TarConstants.LF_PAX_EXTENDED_HEADER_LC);
    pax.setSize(data.length);
    pax.setModTime(entry.getModTime());
    pax.setMode(0644);
    pax.setUserName(entry.getUserName());
    pax.setGroupName(entry.getGroupName());
    byte[] header = new byte[BLOCK];
    pax.writeEntryHeader(header, UTF8, true);
    writeBytes(header, header.length);
    writeBytes(data, data.length);
    padTo(BLOCK);
  }

  /** A pax record "LEN key=value\n" where LEN counts the whole record, itself included. */
  static String paxRecord(String key, String value) {
    int body =
        key.getBytes(StandardCharsets.UTF_8).length
            + value.getBytes(StandardCharsets.UTF_8).length
            + 3;
    int length = body + Integer.toString(body).length();
    if (Integer.toString(length).length() != Integer.toString(body).length()) {
      length++;
    }
    return length + " " + key + "=" + value + "\n";
  }

  private static String lastPart(String name) {
    String clean = ArchiveRoot.stripTrailingSlash(name);
    return clean.substring(clean.lastIndexOf('/') + 1);
  }

  private static String truncate(String name) {
    byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < TarConstants.NAMELEN) {
      return name;
    }
    return new String(bytes, 0, TarConstants.NAMELEN - 1, StandardCharsets.US_ASCII)
        .replaceAll("[^\\x20-\\x7e]", "_");
  }

  private void writeBytes(byte[] bytes, int length) throws IOException {
    out.write(bytes, 0, length);
    written += length;
  }

  private void padTo(int unit) throws IOException {
    int rest = (int) (written % unit);
    if (rest != 0) {
      writeBytes(new byte[unit - rest], unit - rest);
    }
  }
}
