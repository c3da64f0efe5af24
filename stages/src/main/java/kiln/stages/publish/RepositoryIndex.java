package kiln.stages.publish;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiln.stages.artifact.KeyName;
import kiln.stages.store.VersionOrder;
import kiln.world.PackageIdent;

/**
 * What a published release holds: its name, its packages and the public origin keys beside them.
 * The index is signed (see {@link SignedIndex}); docs/publish.md tells its JSON.
 *
 * @param release the release's folder name below {@code releases/}
 * @param packages the packages, sorted by ident
 * @param keys the public keys in the release's {@code keys/} folder, one {@code NAME.pub} each
 */
public record RepositoryIndex(String release, List<IndexEntry> packages, List<KeyName> keys) {

  /** The index's format, the first member of its JSON. */
  public static final String FORMAT = "kiln-repository-1";

  public RepositoryIndex {
    if (release == null || !release.matches("[0-9]{1,18}")) {
      throw new IllegalArgumentException("release '" + release + "' is not a release number");
    }
    packages = packages.stream().sorted(Comparator.comparing(e -> e.ident().toString())).toList();
    keys = keys.stream().sorted(Comparator.comparing(KeyName::toString)).distinct().toList();
    Map<PackageIdent, IndexEntry> seen = new LinkedHashMap<>();
    for (IndexEntry entry : packages) {
      if (seen.put(entry.ident(), entry) != null) {
        throw new IllegalArgumentException("package " + entry.ident() + " is listed twice");
      }
    }
  }

  /** The same packages and keys under another release name. */
  public RepositoryIndex named(String otherRelease) {
    return new RepositoryIndex(otherRelease, packages, keys);
  }

  /** Whether both list the same packages and keys, whatever their release names. */
  public boolean sameContent(RepositoryIndex other) {
    return packages.equals(other.packages) && keys.equals(other.keys);
  }

  /**
   * The newest package matching {@code o/n}, {@code o/n/v} or {@code o/n/v/r}, in Habitat's version
   * order.
   */
  public Optional<IndexEntry> newest(PackageIdent wanted) {
    return packages.stream()
        .filter(e -> e.matches(wanted))
        .max((a, b) -> VersionOrder.INSTANCE.compare(a.ident(), b.ident()));
  }

  /** The package of exactly this ident. */
  public Optional<IndexEntry> exactly(PackageIdent ident) {
    return packages.stream().filter(e -> e.ident().equals(ident)).findFirst();
  }

  /**
   * A package and everything it needs at run time, in the order to install them: its TDEPS from the
   * lowest up (TDEPS lists low-level packages last), then the package.
   *
   * @throws IllegalArgumentException naming a dependency the index does not hold
   */
  public List<IndexEntry> withDependencies(IndexEntry entry) {
    List<IndexEntry> order = new ArrayList<>();
    List<PackageIdent> needed = new ArrayList<>(entry.tdeps());
    entry.deps().stream().filter(d -> !needed.contains(d)).forEach(needed::add);
    for (int i = needed.size() - 1; i >= 0; i--) {
      PackageIdent dep = needed.get(i);
      order.add(
          exactly(dep)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          entry.ident()
                              + " needs "
                              + dep
                              + ", which release "
                              + release
                              + " does not hold")));
    }
    order.add(entry);
    return order;
  }
}
