package kiln.orchestrator.parts;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads where an ELF file's {@code PT_INTERP} segment lies, to tell a program's interpreter (the
 * loader the kernel starts it with) from other strings in a {@code /tools} finding. A file that is
 * not a well-formed ELF has no interpreter here: the finding is still reported, only less
 * precisely.
 */
final class ElfInterpreter {

  private static final int PT_INTERP = 3;

  private ElfInterpreter() {}

  /** True when byte {@code at} of {@code elf} lies inside its PT_INTERP segment. */
  static boolean contains(byte[] elf, int at) {
    try {
      boolean wide = elf[4] == 2; // ELFCLASS64
      ByteBuffer b =
          ByteBuffer.wrap(elf).order(elf[5] == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
      long phoff = wide ? b.getLong(0x20) : Integer.toUnsignedLong(b.getInt(0x1c));
      int phentsize = Short.toUnsignedInt(b.getShort(wide ? 0x36 : 0x2a));
      int phnum = Short.toUnsignedInt(b.getShort(wide ? 0x38 : 0x2c));
      for (int i = 0; i < phnum; i++) {
        int ph = Math.toIntExact(phoff + (long) i * phentsize);
        if (b.getInt(ph) != PT_INTERP) {
          continue;
        }
        long offset = wide ? b.getLong(ph + 8) : Integer.toUnsignedLong(b.getInt(ph + 4));
        long size = wide ? b.getLong(ph + 0x20) : Integer.toUnsignedLong(b.getInt(ph + 0x10));
        return at >= offset && at < offset + size;
      }
      return false;
    } catch (IndexOutOfBoundsException | ArithmeticException e) {
      return false; // cut short or nonsense offsets: not an ELF this can read
    }
  }
}
