package kiln.toolchain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.check.CRC64;

/**
 * One xz stream holding one block of LZMA2 data that was compressed elsewhere, piece by piece. XZ
 * for Java writes a block only from data it compresses itself in one go; kiln compresses the pieces
 * of one block on several threads (see {@link ParallelXzOutputStream}) and needs the container
 * around them: stream header, block header, the pieces, the LZMA2 end marker, the CRC64 of the
 * uncompressed data, the index and the stream footer (the .xz file format, version 1.0.4).
 */
final class XzStreamWriter {

  private static final byte[] MAGIC = {(byte) 0xFD, '7', 'z', 'X', 'Z', 0};
  private static final byte[] FLAGS = {0, 0x04}; // check type 4: CRC64
  private static final byte LZMA2_FILTER = 0x21;
  private static final int CHECK_SIZE = 8;

  private final OutputStream out;
  private final int headerSize;
  private final CRC64 check = new CRC64();
  private long uncompressed;
  private long compressed;

  /**
   * Writes the stream and block headers.
   *
   * @param dictSize the block's LZMA2 dictionary: at least what any piece's encoder used
   */
  XzStreamWriter(OutputStream out, int dictSize) throws IOException {
    this.out = out;
    out.write(MAGIC);
    out.write(FLAGS);
    writeCrc32(out, FLAGS);
    byte[] header = blockHeader(dictSize);
    headerSize = header.length;
    out.write(header);
  }

  /** Appends LZMA2 chunks (without an end marker) that decode to {@code data[0, length)}. */
  void append(byte[] lzma2, byte[] data, int length) throws IOException {
    out.write(lzma2);
    compressed += lzma2.length;
    check.update(data, 0, length);
    uncompressed += length;
  }

  /** Ends the block and the stream; the underlying stream stays open. */
  void finish() throws IOException {
    out.write(0x00); // the LZMA2 end marker
    compressed++;
    out.write(new byte[padding(compressed)]);
    out.write(check.finish());
    ByteArrayOutputStream index = new ByteArrayOutputStream();
    index.write(0x00);
    writeVarint(index, 1);
    writeVarint(index, headerSize + compressed + CHECK_SIZE);
    writeVarint(index, uncompressed);
    index.write(new byte[padding(index.size())]);
    byte[] indexBytes = index.toByteArray();
    out.write(indexBytes);
    writeCrc32(out, indexBytes);
    int backwardSize = (indexBytes.length + 4) / 4 - 1;
    byte[] footer = new byte[6];
    writeLittleEndian(footer, 0, backwardSize);
    System.arraycopy(FLAGS, 0, footer, 4, 2);
    writeCrc32(out, footer);
    out.write(footer);
    out.write(new byte[] {'Y', 'Z'});
  }

  /** Header size byte, flags (one filter, no sizes), LZMA2 with its dictionary, padding, CRC32. */
  private static byte[] blockHeader(int dictSize) {
    byte[] header = new byte[12];
    header[0] = (byte) (header.length / 4 - 1);
    header[2] = LZMA2_FILTER;
    header[3] = 1;
    header[4] = dictProperty(dictSize);
    CRC32 crc = new CRC32();
    crc.update(header, 0, 8);
    writeLittleEndian(header, 8, (int) crc.getValue());
    return header;
  }

  /**
   * LZMA2's one-byte dictionary size: the smallest 2^n or 3 * 2^n (from 4 KiB) that holds {@code
   * dictSize}.
   */
  static byte dictProperty(int dictSize) {
    int size = Math.max(dictSize, LZMA2Options.DICT_SIZE_MIN);
    for (int property = 0; property < 40; property++) {
      long encoded = (2L | (property & 1)) << (property / 2 + 11);
      if (encoded >= size) {
        return (byte) property;
      }
    }
    return 40;
  }

  private static int padding(long size) {
    return (int) ((4 - size % 4) % 4);
  }

  private static void writeVarint(ByteArrayOutputStream out, long value) {
    while (value >= 0x80) {
      out.write((int) (value & 0x7f) | 0x80);
      value >>>= 7;
    }
    out.write((int) value);
  }

  private static void writeCrc32(OutputStream out, byte[] bytes) throws IOException {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    byte[] value = new byte[4];
    writeLittleEndian(value, 0, (int) crc.getValue());
    out.write(value);
  }

  private static void writeLittleEndian(byte[] bytes, int offset, int value) {
    for (int i = 0; i < 4; i++) {
      bytes[offset + i] = (byte) (value >>> (8 * i));
    }
  }
}
