package kiln.stages.build;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kiln.world.PackageIdent;

/**
 * The installed packages one build's studio shows, as the store resolved them: the backline that
 * provides /bin (a default studio), the plan's dependencies with their TDEPS once the facts pass
 * has named them, and the host directory of every package mounted under /hab/pkgs.
 *
 * @param backline the resolved backline packages (none in a stage1 studio)
 * @param backlineDirs their directories on the host, in the same order
 * @param deps pkg_deps resolved (empty before the facts pass)
 * @param buildDeps pkg_build_deps resolved
 * @param tdeps TDEPS of pkg_deps
 * @param buildTdeps TDEPS of pkg_build_deps
 * @param mounted every package shown at /hab/pkgs/o/n/v/r other than the backline itself (the
 *     backline's closure, then the plan's), with its directory on the host
 */
record StudioPackages(
    List<PackageIdent> backline,
    List<Path> backlineDirs,
    List<PackageIdent> deps,
    List<PackageIdent> buildDeps,
    List<PackageIdent> tdeps,
    List<PackageIdent> buildTdeps,
    Map<PackageIdent, Path> mounted) {

  StudioPackages {
    backline = List.copyOf(backline);
    backlineDirs = List.copyOf(backlineDirs);
    deps = List.copyOf(deps);
    buildDeps = List.copyOf(buildDeps);
    tdeps = List.copyOf(tdeps);
    buildTdeps = List.copyOf(buildTdeps);
    mounted = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(mounted));
  }
}
