package kiln.stages.compare;

import java.nio.file.Path;
import java.util.List;
import kiln.world.PackageIdent;

/**
 * One package's artifacts on both sides, entry by entry.
 *
 * @param name {@code origin/name}, with {@code #N} when a side built the package more than once
 *     (the Nth build, by release)
 * @param a the package on side A (fully qualified)
 * @param b the package on side B
 * @param artifactA the artifact file on side A
 * @param artifactB the artifact file on side B
 * @param compared how many payload entries were compared
 * @param differences the entries that are not the same
 */
public record PackageComparison(
    String name,
    PackageIdent a,
    PackageIdent b,
    Path artifactA,
    Path artifactB,
    int compared,
    List<FileDifference> differences) {

  public PackageComparison {
    differences = List.copyOf(differences);
  }

  /** Whether every entry is the same. */
  public boolean identical() {
    return differences.isEmpty();
  }
}
