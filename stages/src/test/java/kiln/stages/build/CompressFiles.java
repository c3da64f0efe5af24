package kiln.stages.build;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes small files in the .Z format of Unix compress (the host has no compress tool; the studio's
 * busybox has uncompress). The stream holds literal codes only: each byte as a 9-bit LZW code, LSB
 * first, which every decoder reads, as LZW lets an encoder emit a literal where it could have used
 * a longer match. Below 255 input bytes the decoder's table never grows past 9-bit codes.
 */
final class CompressFiles {
  private CompressFiles() {}

  static void write(Path file, String text) throws IOException {
    byte[] input = text.getBytes(StandardCharsets.UTF_8);
    if (input.length >= 255) {
      throw new IllegalArgumentException("only short texts: the codes must stay 9 bits wide");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x1f);
    out.write(0x9d);
    out.write(0x80 | 16); // block mode, at most 16-bit codes
    int buffer = 0;
    int bits = 0;
    for (byte b : input) {
      buffer |= (b & 0xff) << bits;
      bits += 9;
      while (bits >= 8) {
        out.write(buffer & 0xff);
        buffer >>>= 8;
        bits -= 8;
      }
    }
    if (bits > 0) {
      out.write(buffer & 0xff);
    }
    Files.write(file, out.toByteArray());
  }
}
