package kiln.stages.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import kiln.stages.artifact.WrittenHart;
import kiln.world.IoFailures;
import kiln.world.PackageIdent;

/**
 * What the build pass reports about the package it built (pkg.env), and the last_build.env kiln
 * writes from it, with the same keys Habitat's last_build.env has.
 */
record LastBuild(PackageIdent ident, String target) {

  static LastBuild read(Path pkgEnv) throws BuildException {
    Map<String, String> values = new HashMap<>();
    try {
      for (String line : Files.readAllLines(pkgEnv)) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          values.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
    } catch (IOException e) {
      throw new BuildException(
          IoFailures.message("the plan build program did not report its package", e), null, e);
    }
    try {
      PackageIdent ident =
          new PackageIdent(
              values.get("pkg_origin"),
              values.get("pkg_name"),
              values.get("pkg_version"),
              values.get("pkg_release"));
      return new LastBuild(ident, values.getOrDefault("pkg_target", BuildRequest.DEFAULT_TARGET));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new BuildException("the plan build program reported a bad package: " + values, null, e);
    }
  }

  String artifactName() {
    return String.join("-", ident.origin(), ident.name(), ident.version(), ident.release(), target)
        + ".hart";
  }

  /** last_build.env for the artifact, its sums taken from what the writer computed. */
  String lastBuildEnv(WrittenHart hart) {
    return "pkg_origin="
        + ident.origin()
        + "\npkg_name="
        + ident.name()
        + "\npkg_version="
        + ident.version()
        + "\npkg_release="
        + ident.release()
        + "\npkg_target="
        + target
        + "\npkg_ident="
        + ident
        + "\npkg_artifact="
        + artifactName()
        + "\npkg_sha256sum="
        + hart.sha256()
        + "\npkg_blake2bsum="
        + hart.blake2b()
        + "\n";
  }
}
