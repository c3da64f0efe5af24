package kiln.stages.build;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import kiln.stages.studio.StudioSpec.StudioType;
import kiln.world.PackageIdent;

/**
 * What a build's studio stands on: the tools tarball at {@code /tools} (a stage1 studio), or
 * installed backline packages that provide {@code /bin} (a default studio). Always exactly one.
 */
public sealed interface StudioBase {

  /** The kind of studio this base makes. */
  StudioType type();

  /** A stage1 studio: this tools tarball's {@code tools/} lands at {@code /tools}. */
  static StudioBase tools(Path tarball) {
    return new Tools(tarball);
  }

  /** A default studio: these installed packages provide {@code /bin}. */
  static StudioBase backline(List<PackageIdent> packages) {
    return new Backline(packages);
  }

  /**
   * @param tarball the tools tarball from stage 0
   */
  record Tools(Path tarball) implements StudioBase {
    public Tools {
      Objects.requireNonNull(tarball, "tarball");
    }

    @Override
    public StudioType type() {
      return StudioType.STAGE1;
    }
  }

  /**
   * @param packages the backline idents as given ({@code o/n} and up), resolved against the store
   *     when the build starts
   */
  record Backline(List<PackageIdent> packages) implements StudioBase {
    public Backline {
      packages = List.copyOf(packages);
      if (packages.isEmpty()) {
        throw new IllegalArgumentException(
            "a default studio needs backline packages for /bin (bash and the utilities)");
      }
    }

    @Override
    public StudioType type() {
      return StudioType.DEFAULT;
    }
  }
}
