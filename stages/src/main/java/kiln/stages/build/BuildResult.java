package kiln.stages.build;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import kiln.stages.artifact.WrittenHart;
import kiln.world.PackageIdent;

/**
 * A plan built.
 *
 * @param ident the fully qualified ident of the package
 * @param hart the signed .hart in the results dir, with the hashes computed while writing it (its
 *     SHA-256 for the ledger, the signed payload hash for installing it without verifying again)
 * @param lastBuildEnv the results dir's last_build.env
 * @param log the build log in the results dir (a link to the request's log, when it names one)
 * @param elapsed how long the whole build took, studio passes and packing included
 * @param phases how long each phase took: {@link #INSTALL}, {@link #FACTS_PASS}, {@link #RESOLVE},
 *     {@link #BUILD_PASS}, {@link #PACK}, {@link #PUBLISH}
 */
public record BuildResult(
    PackageIdent ident,
    WrittenHart hart,
    Path lastBuildEnv,
    Path log,
    Duration elapsed,
    Map<String, Duration> phases) {

  /** Verifying and installing the --install harts. */
  public static final String INSTALL = "install";

  /** The first studio pass, sourcing the plan. */
  public static final String FACTS_PASS = "facts pass";

  /** Resolving dependencies, fetching or finding the source, writing deps.env. */
  public static final String RESOLVE = "resolve";

  /** The studio pass running the plan's callbacks. */
  public static final String BUILD_PASS = "build pass";

  /** FILES, packing and signing the artifact. */
  public static final String PACK = "pack";

  /** last_build.env and the atomic moves into the results dir. */
  public static final String PUBLISH = "publish";

  public BuildResult {
    phases = Map.copyOf(phases);
  }

  /** The signed .hart in the results dir. */
  public Path artifact() {
    return hart.path();
  }
}
