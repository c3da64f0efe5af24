package kiln.stages.build;

import java.nio.file.Path;
import kiln.stages.artifact.WrittenHart;
import kiln.world.PackageIdent;

/**
 * The unpacked package store as a build sees it: the one place a build's packages are resolved (the
 * backline before the facts pass, the plan's dependencies after it), and where artifacts are
 * installed.
 */
interface InstalledPackages {

  /**
   * The studio's base resolved: for a default studio, each backline package (the highest installed
   * match) with its directory and its TDEPS; nothing for a stage1 studio.
   *
   * @throws BuildException naming a backline package that is not installed
   */
  StudioPackages resolveBase(StudioBase base, String target) throws BuildException;

  /**
   * The plan's pkg_deps and pkg_build_deps resolved against the store, with their TDEPS, added to
   * what the base shows.
   *
   * @throws BuildException naming every dependency that does not resolve, or two releases of one
   *     origin/name that meet
   */
  StudioPackages resolvePlan(StudioPackages base, PlanFacts facts, String target)
      throws BuildException;

  /** The directory of an installed package on the host ({@code .../hab/pkgs/o/n/v/r}). */
  Path directoryOf(PackageIdent installed);

  /**
   * Verifies a hart's signature and hash, then unpacks it into the store.
   *
   * @return the installed package's ident
   * @throws BuildException naming the hart and what is wrong with it (unsigned, altered, signer key
   *     missing)
   */
  PackageIdent install(Path hart) throws BuildException;

  /**
   * Installs an artifact this kiln just wrote, trusting the payload hash its writer computed: the
   * payload is read once, to unpack it, and not verified again.
   *
   * @return the installed package's ident
   * @throws BuildException naming the hart when its payload cannot be unpacked into the store
   */
  PackageIdent installWritten(WrittenHart hart) throws BuildException;
}
