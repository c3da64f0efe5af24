package kiln.stages.build;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kiln.stages.artifact.ArtifactException;
import kiln.stages.artifact.OriginKeys;
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
  public Optional<PackageIdent> resolve(PackageIdent wanted, String target) {
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

  @Override
  public List<PackageIdent> transitiveDeps(List<PackageIdent> direct) throws BuildException {
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
}
