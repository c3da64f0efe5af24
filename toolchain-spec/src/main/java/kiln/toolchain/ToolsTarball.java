package kiln.toolchain;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The tools tarball: {@code <name>-<UTC yyyyMMddHHmmss>.tar.xz}, every entry under {@code tools/}.
 *
 * <p>Written tarballs are reproducible: entries sorted (parents first; files of 1 MiB or more last,
 * largest first: {@link WriteOrder}), owner root (0:0), modes and symlinks kept, hard links in the
 * base tree kept as hard links, and with {@code SOURCE_DATE_EPOCH} set every mtime and the name's
 * timestamp come from it. The xz data is compressed on every core as one xz stream, cut into chunks
 * by the input's size only so the bytes do not depend on the machine (see {@link ChunkPlan}). Files
 * appear complete or not at all (temporary file, then rename).
 */
public final class ToolsTarball {

  private final BuildTime time;
  private final int threads;
  private final int chunkSize;

  /**
   * @param time the build time (see {@link BuildTime#from})
   * @param threads how many threads compress (the output does not depend on it)
   */
  public ToolsTarball(BuildTime time, int threads) {
    this(time, threads, 0);
  }

  /**
   * With chunks of a fixed size, each its own xz stream, as other tools write big tarballs (tests
   * use small ones), or 0 to plan the chunks by the input's size.
   */
  ToolsTarball(BuildTime time, int threads, int chunkSize) {
    this.time = Objects.requireNonNull(time, "time");
    if (threads < 1) {
      throw new IllegalArgumentException("threads " + threads + " must be at least 1");
    }
    this.threads = threads;
    this.chunkSize = chunkSize;
  }

  /**
   * Builds the spec's tarball in {@code outDir}. Every problem of the spec against the file system
   * is reported before anything is written.
   *
   * @param specFile the spec's file, for messages
   */
  public BuiltTarball build(ToolchainSpec spec, Path specFile, Path outDir)
      throws SpecException, TarballException {
    List<PlannedEntry> sorted = TreePlan.of(spec, time, specFile);
    Path target = outDir.resolve(TarballName.of(spec.name(), time.now()));
    try (AtomicFile file = new AtomicFile(target)) {
      List<PlannedEntry> entries = WriteOrder.of(sorted);
      try (TarStreamWriter tar =
          new TarStreamWriter(xz(file.output(), spec.xzPreset(), tarLength(entries)))) {
        for (PlannedEntry entry : entries) {
          try (InputStream content = entry.content()) {
            tar.write(entry.header(), content);
          }
        }
      }
      return new BuiltTarball(target, file.commit());
    } catch (TargetExistsException e) {
      throw new TarballException(e.getMessage(), e);
    } catch (IOException e) {
      throw new TarballException("cannot write " + target + ": " + TarballInput.describe(e), e);
    }
  }

  /**
   * Writes a new tarball from {@code tarball} with some entries replaced, added or removed; every
   * other entry is copied byte-for-byte (header and content). The old file is never touched, and
   * must pass {@link #verify} first (a copy would keep its problems). The new name gets the current
   * timestamp, moved one second past the old one's if needed so the two never share a name and the
   * newer sorts last; it is compressed at the request's xz preset.
   */
  public BuiltTarball freshen(Path tarball, FreshenRequest request, Path outDir)
      throws TarballException {
    return new Freshener(time, request, this::xz).freshen(tarball, outDir);
  }

  /** Every entry, in archive order. */
  public static List<TarballEntry> list(Path tarball) throws TarballException {
    List<TarballEntry> entries = new ArrayList<>();
    try (InputStream in = TarballInput.xz(tarball)) {
      TarArchiveInputStream tar = TarballInput.tar(in);
      for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
        entries.add(TarballEntry.of(entry));
      }
      TarballInput.drain(in);
    } catch (IOException e) {
      throw TarballInput.failure(tarball, e);
    }
    return entries;
  }

  /**
   * Every problem of a tarball: incomplete or corrupt xz, a tar without its end-of-archive marker,
   * entries outside {@code tools/}, absolute or with {@code ..}, symlinks or hard links leading
   * out, entries that extraction would refuse (through a symlink or file, in place of a directory),
   * devices, FIFOs, other entry types. Empty when sound.
   */
  public static List<TarballProblem> verify(Path tarball) {
    return new Verifier(ArchiveRoot.TOOLS).verify(tarball);
  }

  /**
   * Unpacks a tools tarball into {@code targetDir}, which stands for /tools (see {@link
   * SafeExtractor}).
   */
  public static void extract(Path tarball, Path targetDir) throws TarballException {
    new SafeExtractor(ArchiveRoot.TOOLS).extractXz(tarball, targetDir);
  }

  OutputStream xz(OutputStream out, int preset, long totalBytes) throws IOException {
    ChunkPlan plan =
        chunkSize > 0
            ? ChunkPlan.unprimed(chunkSize, preset)
            : ChunkPlan.forSize(totalBytes, preset);
    return new ParallelXzOutputStream(out, preset, plan, threads);
  }

  /**
   * The tar's exact length: the chunks are planned from it, and a plan short of the end would leave
   * the last bytes a chunk of their own, primed with a whole dictionary before it.
   */
  static long tarLength(List<PlannedEntry> entries) throws IOException {
    List<TarArchiveEntry> headers = new ArrayList<>();
    for (PlannedEntry entry : entries) {
      headers.add(entry.header());
    }
    return TarStreamWriter.lengthOf(headers);
  }
}
