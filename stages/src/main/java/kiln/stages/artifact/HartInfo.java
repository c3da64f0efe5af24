package kiln.stages.artifact;

import java.nio.file.Path;
import java.util.List;
import kiln.world.PackageIdent;

/**
 * What a .hart artifact holds, as {@code kiln hart info} shows it.
 *
 * @param file the artifact
 * @param ident the package, from its IDENT file
 * @param target the platform it was built for, from its TARGET file
 * @param deps direct run dependencies (DEPS)
 * @param tdeps transitive run dependencies (TDEPS)
 * @param buildDeps direct build dependencies (BUILD_DEPS)
 * @param buildTdeps transitive build dependencies (BUILD_TDEPS)
 * @param signer the key named in the header (not verified by reading it)
 * @param fileSize the artifact's size in bytes
 * @param payloadSize the compressed payload's size in bytes
 * @param unpackedSize the sum of the regular files' sizes
 * @param fileCount how many regular files the package has
 */
public record HartInfo(
    Path file,
    PackageIdent ident,
    String target,
    List<PackageIdent> deps,
    List<PackageIdent> tdeps,
    List<PackageIdent> buildDeps,
    List<PackageIdent> buildTdeps,
    KeyName signer,
    long fileSize,
    long payloadSize,
    long unpackedSize,
    int fileCount) {

  public HartInfo {
    if (!ident.isFullyQualified()) {
      throw new IllegalArgumentException(
          file + ": IDENT '" + ident + "' is not origin/name/version/release");
    }
    deps = List.copyOf(deps);
    tdeps = List.copyOf(tdeps);
    buildDeps = List.copyOf(buildDeps);
    buildTdeps = List.copyOf(buildTdeps);
  }
}
