package kiln.toolchain;

import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.UnsupportedOptionsException;

/**
 * Where the tar stream is cut for parallel compression, and how much of the data before each cut
 * the next chunk's encoder reads into its dictionary first ("priming"). A primed chunk continues
 * the xz block of the chunk before it, so the whole tarball is one stream that finds repeats as far
 * back as one xz stream does (a gcc toolchain repeats itself across binaries tens of megabytes
 * apart: cc1, cc1plus, lto1); an unprimed chunk starts a new xz stream.
 *
 * <p>A primed chunk is encoded with the hash-chain match finder (HC4) where the preset has the
 * binary-tree one (BT4): reading a dictionary into a binary tree costs half of compressing the same
 * bytes, into hash chains a thirtieth, and HC4 compresses a toolchain's binaries about as fast as
 * BT4 and less than 1% larger (docs/performance.md, Stage 0).
 *
 * <p>Derived from the input's size and the preset only, never from the number of cores, so the
 * output bytes are the same on every machine.
 *
 * @param first bytes in the first chunk
 * @param rest bytes in each later chunk (the last one takes what is left)
 * @param window how many bytes before a later chunk its encoder is primed with; 0: none
 * @param dictSize the LZMA2 dictionary of every encoder
 */
record ChunkPlan(int first, int rest, int window, int dictSize) {

  /** Below two of these, one encoder: the second would not pay for itself. */
  static final int MIN_CHUNK = 8 << 20;

  /**
   * What priming a later chunk's encoder (HC4) costs per byte against compressing the byte with the
   * first chunk's (BT4), at presets 4-9: measured, 0.5 s of CPU to prime with 31 MiB of the
   * binutils + libc tar, 16.3 s to compress those bytes.
   */
  static final double PRIMING_COST = 0.03;

  /**
   * What compressing a byte of a later chunk costs against a byte of the first. Measured per thread
   * with JFR: 1.39 on the binutils + libc tree (the later half holds the large binaries, the first
   * the many small files), 0.71 and 0.67 on the gcc and whole-toolchain trees (the later half
   * repeats the first). Set for the small tree, where kiln's fixed costs (the JVM's start, reading
   * the tree) weigh most against xz's time; the large trees have time to spare.
   */
  static final double LATER_COST = 1.2;

  ChunkPlan {
    // A primer longer than the dictionary would reach back further than a decoder keeps.
    if (first < 1
        || rest < 1
        || window < 0
        || window > dictSize
        || dictSize < LZMA2Options.DICT_SIZE_MIN) {
      throw new IllegalArgumentException(
          "chunk plan " + first + "/" + rest + "/" + window + "/" + dictSize);
    }
  }

  /**
   * The plan for {@code totalBytes} at {@code preset}: one chunk below 16 MiB; else two, or more of
   * at most three dictionaries each (as {@code xz -T} cuts blocks); every later chunk primed with
   * the dictionary's worth before it (all of it in a tar smaller than two dictionaries, as one xz
   * stream sees it), and the first chunk larger by what priming and the later chunks' slower bytes
   * cost the others ({@link #PRIMING_COST}, {@link #LATER_COST}), so that two cores finish about
   * together.
   *
   * @param totalBytes the tar's exact length: a plan short of it would leave the last bytes a chunk
   *     of their own, primed with a whole dictionary
   */
  static ChunkPlan forSize(long totalBytes, int preset) throws UnsupportedOptionsException {
    int presetDict = new LZMA2Options(preset).getDictSize();
    int dict = (int) Math.max(LZMA2Options.DICT_SIZE_MIN, Math.min(presetDict, totalBytes));
    if (totalBytes < 2L * MIN_CHUNK) {
      int one = (int) Math.max(1, totalBytes);
      return new ChunkPlan(one, one, dict, dict);
    }
    long count = Math.max(2, ceilDiv(totalBytes, 3L * presetDict));
    // Equal work: first = LATER_COST * later + PRIMING_COST * min(dict, first), the chunks adding
    // up to the total; below a dictionary the whole first chunk is the primer.
    long later = count - 1;
    long first =
        (long) ((LATER_COST * totalBytes + later * PRIMING_COST * dict) / (later + LATER_COST));
    if (first < dict) {
      first = (long) (LATER_COST * totalBytes / (later * (1 - PRIMING_COST) + LATER_COST));
    }
    long rest = ceilDiv(totalBytes - first, count - 1);
    return new ChunkPlan((int) first, (int) rest, dict, dict);
  }

  /**
   * The encoder settings of a chunk: the preset's, with the plan's dictionary; a primed chunk's
   * encoder has the hash-chain match finder, which reads its primer about 15 times faster than the
   * binary tree that presets 4-9 use.
   */
  LZMA2Options encoderOptions(int preset, boolean primed) throws UnsupportedOptionsException {
    LZMA2Options options = new LZMA2Options(preset);
    options.setDictSize(dictSize);
    if (primed) {
      options.setMatchFinder(LZMA2Options.MF_HC4);
    }
    return options;
  }

  /** Chunks of {@code chunkSize}, each its own xz stream (as xz -T and pixz write them). */
  static ChunkPlan unprimed(int chunkSize, int preset) throws UnsupportedOptionsException {
    int presetDict = new LZMA2Options(preset).getDictSize();
    int dict = Math.max(LZMA2Options.DICT_SIZE_MIN, Math.min(presetDict, chunkSize));
    return new ChunkPlan(chunkSize, chunkSize, 0, dict);
  }

  /** The size of chunk {@code index} (0-based), the last one possibly filled only in part. */
  int sizeOf(int index) {
    return index == 0 ? first : rest;
  }

  /** The largest chunk, for memory estimates. */
  int largest() {
    return Math.max(first, rest);
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
