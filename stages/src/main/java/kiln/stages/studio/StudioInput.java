package kiln.stages.studio;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import kiln.world.PackageIdent;

/**
 * Something a studio run is given, named by what it is rather than by where it lies on the host, so
 * a studio may bind-mount it (a local studio) or copy it in (a studio on another machine). Each
 * kind has its fixed place in the studio; every input is read-only there except a writable {@link
 * HostPath}.
 */
public sealed interface StudioInput {

  /** Where the input appears in the studio. */
  String target();

  /**
   * The plan's directory, shown at {@code /src} (the working directory).
   *
   * @param dir the plan directory on the host
   */
  record Plan(Path dir) implements StudioInput {
    public Plan {
      dir = dir.toAbsolutePath().normalize();
    }

    @Override
    public String target() {
      return "/src";
    }
  }

  /**
   * Small files given by content (the plan build program and its {@code deps.env}), shown at {@code
   * /kiln}.
   *
   * @param files file name to content; names are plain (no {@code /})
   */
  record Program(Map<String, byte[]> files) implements StudioInput {
    /** Where the program is shown. */
    public static final String PLACE = "/kiln";

    public Program {
      files = Map.copyOf(files);
      for (String name : files.keySet()) {
        if (name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..")) {
          throw new IllegalArgumentException("a program file needs a plain name: '" + name + "'");
        }
      }
    }

    @Override
    public String target() {
      return PLACE;
    }
  }

  /**
   * An installed package, shown at {@code /hab/pkgs/ORIGIN/NAME/VERSION/RELEASE}.
   *
   * @param dir the package's installed directory (on the host)
   * @param ident its fully qualified ident
   */
  record InstalledPackage(Path dir, PackageIdent ident) implements StudioInput {
    public InstalledPackage {
      Objects.requireNonNull(dir, "dir");
      if (!ident.isFullyQualified()) {
        throw new IllegalArgumentException("an installed package needs a full ident: " + ident);
      }
    }

    @Override
    public String target() {
      return "/hab/pkgs/" + ident;
    }
  }

  /**
   * A source file from the cache, shown at {@code /hab/cache/src/NAME}.
   *
   * @param file the cached file on the host
   * @param name its name in the studio
   */
  record SourceFile(Path file, String name) implements StudioInput {
    public SourceFile {
      Objects.requireNonNull(file, "file");
      if (name.isEmpty() || name.contains("/")) {
        throw new IllegalArgumentException("a source file needs a plain name: '" + name + "'");
      }
    }

    @Override
    public String target() {
      return "/hab/cache/src/" + name;
    }
  }

  /**
   * Any host path at any place (for {@code kiln studio run --src|--mount}). Only a studio that
   * shares the host's disk can show it, and only it can show a writable one; a build never uses it.
   *
   * @param source the path on the host
   * @param target the absolute path inside the studio
   * @param readOnly whether the command may change it
   */
  record HostPath(Path source, String target, boolean readOnly) implements StudioInput {
    public HostPath {
      Objects.requireNonNull(source, "source");
      if (!target.startsWith("/")) {
        throw new IllegalArgumentException("a mount target must be absolute: " + target);
      }
    }
  }
}
