package kiln.stages.build;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import kiln.world.PackageIdent;

/**
 * The unpacked package store as a build sees it: where dependencies are resolved and from where
 * they are mounted into the studio.
 */
public interface InstalledPackages {

  /**
   * The installed package a dependency means: the highest of those matching its given parts, in
   * Habitat's version order.
   *
   * @param wanted {@code o/n}, {@code o/n/v} or {@code o/n/v/r}
   * @param target the package target, e.g. x86_64-linux
   * @return the fully qualified ident, or empty when nothing installed matches
   */
  Optional<PackageIdent> resolve(PackageIdent wanted, String target) throws BuildException;

  /** The directory of an installed package on the host ({@code .../hab/pkgs/o/n/v/r}). */
  Path directoryOf(PackageIdent installed);

  /**
   * TDEPS of a package with these direct dependencies: the direct ones in order, then each one's
   * own TDEPS, later copies replacing earlier ones (Habitat's order).
   *
   * @throws BuildException when two releases of one origin/name meet
   */
  List<PackageIdent> transitiveDeps(List<PackageIdent> direct) throws BuildException;

  /**
   * Verifies a hart's signature and hash, then unpacks it into the store.
   *
   * @return the installed package's ident
   * @throws BuildException naming the hart and what is wrong with it (unsigned, altered, signer key
   *     missing)
   */
  PackageIdent install(Path hart) throws BuildException;
}
