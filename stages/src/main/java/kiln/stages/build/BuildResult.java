package kiln.stages.build;

import java.nio.file.Path;
import java.time.Duration;
import kiln.world.PackageIdent;

/**
 * A plan built.
 *
 * @param ident the fully qualified ident of the package
 * @param artifact the signed .hart in the results dir
 * @param lastBuildEnv the results dir's last_build.env
 * @param log the full build log in the results dir
 * @param elapsed how long the whole build took, studio passes and packing included
 */
public record BuildResult(
    PackageIdent ident, Path artifact, Path lastBuildEnv, Path log, Duration elapsed) {}
