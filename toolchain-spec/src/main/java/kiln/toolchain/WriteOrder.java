package kiln.toolchain;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * The order entries are written in: path order (parents first, siblings by name), except that large
 * files come after everything else, largest first. A toolchain's big binaries that share most of
 * their bytes (gcc's cc1, cc1plus and lto1, each about 33 MB) have about the same size but sit
 * apart in path order, further apart than xz's 64 MiB dictionary reaches; next to each other, each
 * one costs little more than what it does not share. The order depends on names and sizes only.
 */
final class WriteOrder {

  /** Files from this size on are moved; smaller ones keep their place beside their siblings. */
  static final long LARGE = 1 << 20;

  private WriteOrder() {}

  /**
   * The entries of a sorted plan in write order. Hard links to a moved file move after it, since a
   * hard link must follow the entry holding its content.
   */
  static List<PlannedEntry> of(List<PlannedEntry> sorted) throws IOException {
    List<Sized> large = new ArrayList<>();
    Set<String> moved = new HashSet<>();
    for (PlannedEntry entry : sorted) {
      long size = entry.size();
      if (entry.type() == TarConstants.LF_NORMAL && size >= LARGE) {
        large.add(new Sized(entry, size));
        moved.add(entry.path());
      }
    }
    List<PlannedEntry> order = new ArrayList<>();
    List<PlannedEntry> linksToLarge = new ArrayList<>();
    for (PlannedEntry entry : sorted) {
      if (moved.contains(entry.path())) {
        continue;
      }
      boolean linkToMoved =
          entry.type() == TarConstants.LF_LINK && moved.contains(entry.linkTarget());
      (linkToMoved ? linksToLarge : order).add(entry);
    }
    large.sort(Comparator.comparingLong(Sized::size).reversed()); // stable: ties by path
    large.forEach(sized -> order.add(sized.entry()));
    order.addAll(linksToLarge);
    return order;
  }

  private record Sized(PlannedEntry entry, long size) {}
}
