package kiln.stages.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kiln.world.PackageIdent;

/**
 * Computes TDEPS as Habitat does: the direct dependencies in declared order; then, for each direct
 * dependency, each entry of its own TDEPS is moved to the end (an earlier copy removed), so
 * low-level packages sink to the bottom. Two releases of one origin/name is an error.
 */
final class TransitiveDeps {

  private TransitiveDeps() {}

  /**
   * @param direct the resolved direct dependencies, in declared order; each one's own TDEPS file is
   *     read
   */
  static List<PackageIdent> of(List<InstalledPackage> direct) throws StoreException {
    List<PackageIdent> tdeps = new ArrayList<>();
    for (InstalledPackage dep : direct) {
      moveToEnd(tdeps, dep.ident());
    }
    for (InstalledPackage dep : direct) {
      for (PackageIdent tdep : dep.tdeps()) {
        moveToEnd(tdeps, tdep);
      }
    }
    requireOneReleaseEach(tdeps);
    return tdeps;
  }

  private static void moveToEnd(List<PackageIdent> tdeps, PackageIdent ident) {
    tdeps.remove(ident);
    tdeps.add(ident);
  }

  private static void requireOneReleaseEach(List<PackageIdent> tdeps) throws StoreException {
    Map<PackageIdent, PackageIdent> seen = new LinkedHashMap<>();
    for (PackageIdent ident : tdeps) {
      PackageIdent other = seen.putIfAbsent(ident.originAndName(), ident);
      if (other != null) {
        throw new StoreException(
            "the dependencies need two releases of "
                + ident.originAndName()
                + ": "
                + other
                + " and "
                + ident
                + "; rebuild the dependencies against one of them, or pin one with a fully"
                + " qualified dependency");
      }
    }
  }
}
