package kiln.stages.build;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kiln.stages.artifact.ArtifactException;
import kiln.stages.artifact.OriginKeys;
import kiln.stages.artifact.WrittenHart;
import kiln.stages.store.InstalledPackage;
import kiln.stages.store.PackageStore;
import kiln.stages.store.StoreException;
import kiln.world.PackageIdent;

/** The package store, as builds see it: resolution, TDEPS and verified installs. */
final class StoreDependencies implements InstalledPackages {

  private final PackageStore store;
  private final OriginKeys keys;

  StoreDependencies(PackageStore store, OriginKeys keys) {
    this.store = store;
    this.keys = keys;
  }

  @Override
  public StudioPackages resolveBase(StudioBase base, String target) throws BuildException {
    if (!(base instanceof StudioBase.Backline backline)) {
      return new StudioPackages(
          List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), Map.of());
    }
    List<PackageIdent> found = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (PackageIdent wanted : backline.packages()) {
      resolve(wanted, target).ifPresentOrElse(found::add, () -> missing.add(wanted.toString()));
    }
    if (!missing.isEmpty()) {
      throw new BuildException(
          "backline package "
              + String.join(", ", missing)
              + " is not installed: install its hart with --install");
    }
    List<Path> dirs = found.stream().map(this::directoryOf).toList();
    return new StudioPackages(
        found,
        dirs,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        directories(transitiveDeps(found), found));
  }

  @Override
  public StudioPackages resolvePlan(StudioPackages base, PlanFacts facts, String target)
      throws BuildException {
    List<PackageIdent> deps = resolveAll(facts.deps(), facts, target, "pkg_deps");
    List<PackageIdent> buildDeps = resolveAll(facts.buildDeps(), facts, target, "pkg_build_deps");
    List<PackageIdent> tdeps = transitiveDeps(deps);
    List<PackageIdent> buildTdeps = transitiveDeps(buildDeps);
    Set<PackageIdent> shown = new LinkedHashSet<>(base.mounted().keySet());
    shown.addAll(tdeps);
    shown.addAll(buildTdeps);
    return new StudioPackages(
        base.backline(),
        base.backlineDirs(),
        deps,
        buildDeps,
        tdeps,
        buildTdeps,
        directories(shown, base.backline()));
  }

  /** Each package's directory, leaving out the backline (it is shown through /bin already). */
  private Map<PackageIdent, Path> directories(
      java.util.Collection<PackageIdent> packages, List<PackageIdent> backline) {
    Map<PackageIdent, Path> dirs = new LinkedHashMap<>();
    for (PackageIdent ident : packages) {
      if (!backline.contains(ident)) {
        dirs.put(ident, directoryOf(ident));
      }
    }
    return dirs;
  }

  private List<PackageIdent> resolveAll(
      List<PackageIdent> wanted, PlanFacts facts, String target, String setting)
      throws BuildException {
    List<PackageIdent> resolved = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (PackageIdent dep : wanted) {
      resolve(dep, target).ifPresentOrElse(resolved::add, () -> missing.add(dep.toString()));
    }
    if (!missing.isEmpty()) {
      throw new BuildException(
          facts.shortIdent()
              + ": cannot resolve "
              + setting
              + " "
              + String.join(", ", missing)
              + ": no installed package matches (target "
              + target
              + "); build it first or install its hart with --install");
    }
    return resolved;
  }

  private Optional<PackageIdent> resolve(PackageIdent wanted, String target) {
    try {
      return Optional.of(store.resolve(wanted, target).ident());
    } catch (StoreException e) {
      return Optional.empty();
    }
  }

  @Override
  public Path directoryOf(PackageIdent installed) {
    return store.root().resolve("hab/pkgs").resolve(installed.toString());
  }

  /**
   * TDEPS of a package with these direct dependencies: the direct ones in order, then each one's
   * own TDEPS, later copies replacing earlier ones (Habitat's order).
   */
  private List<PackageIdent> transitiveDeps(List<PackageIdent> direct) throws BuildException {
    List<InstalledPackage> packages = new ArrayList<>();
    for (PackageIdent ident : direct) {
      packages.add(new InstalledPackage(ident, directoryOf(ident)));
    }
    try {
      return store.transitiveDeps(packages);
    } catch (StoreException e) {
      throw new BuildException(e.getMessage(), null, e);
    }
  }

  @Override
  public PackageIdent install(Path hart) throws BuildException {
    try {
      return store.install(hart, keys).ident();
    } catch (ArtifactException | StoreException e) {
      throw new BuildException("cannot install " + hart + ": " + e.getMessage(), null, e);
    }
  }

  @Override
  public PackageIdent installWritten(WrittenHart hart) throws BuildException {
    try {
      return store.installWritten(hart).ident();
    } catch (ArtifactException | StoreException e) {
      throw new BuildException("cannot install " + hart.path() + ": " + e.getMessage(), null, e);
    }
  }
}
