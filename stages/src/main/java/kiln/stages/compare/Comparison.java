package kiln.stages.compare;

import java.nio.file.Path;
import java.util.List;

/**
 * Two results folders compared.
 *
 * @param a side A's folder
 * @param b side B's folder
 * @param packages the packages both sides have, by name
 * @param onlyInA packages (origin/name) only side A has
 * @param onlyInB packages only side B has
 * @param releases how side B's idents were rewritten to side A's for the comparison
 */
public record Comparison(
    Path a,
    Path b,
    List<PackageComparison> packages,
    List<String> onlyInA,
    List<String> onlyInB,
    ReleaseMap releases) {

  public Comparison {
    packages = List.copyOf(packages);
    onlyInA = List.copyOf(onlyInA);
    onlyInB = List.copyOf(onlyInB);
  }

  /** Whether both sides hold the same packages with the same payloads. */
  public boolean identical() {
    return onlyInA.isEmpty()
        && onlyInB.isEmpty()
        && packages.stream().allMatch(PackageComparison::identical);
  }

  /** The packages that differ. */
  public List<PackageComparison> different() {
    return packages.stream().filter(p -> !p.identical()).toList();
  }
}
