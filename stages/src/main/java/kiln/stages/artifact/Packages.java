package kiln.stages.artifact;

import java.nio.file.Path;
import kiln.world.PackageIdent;

/** Where packages live below a root: {@code hab/pkgs/origin/name/version/release}. */
public final class Packages {

  private Packages() {}

  /** The prefix of a fully qualified package below a root directory. */
  public static Path prefix(Path root, PackageIdent ident) {
    if (!ident.isFullyQualified()) {
      throw new IllegalArgumentException(ident + " has no version and release: it has no prefix");
    }
    return root.resolve("hab")
        .resolve("pkgs")
        .resolve(ident.origin())
        .resolve(ident.name())
        .resolve(ident.version())
        .resolve(ident.release());
  }

  /** The absolute prefix a package has inside a studio: {@code /hab/pkgs/o/n/v/r}. */
  public static String absolutePrefix(PackageIdent ident) {
    return "/hab/pkgs/" + ident;
  }
}
