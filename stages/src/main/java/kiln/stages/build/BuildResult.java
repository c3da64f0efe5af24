package kiln.stages.build;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import kiln.world.PackageIdent;

/**
 * A plan built.
 *
 * @param ident the fully qualified ident of the package
 * @param artifact the signed .hart in the results dir
 * @param lastBuildEnv the results dir's last_build.env
 * @param log the full build log in the results dir
 * @param elapsed how long the whole build took, studio passes and packing included
 * @param phases how long each phase took: {@link #INSTALL}, {@link #FACTS_PASS}, {@link #RESOLVE},
 *     {@link #BUILD_PASS}, {@link #PACK}, {@link #PUBLISH}
 */
public record BuildResult(
    PackageIdent ident,
    Path artifact,
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
}
