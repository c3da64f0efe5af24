package kiln.world;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A plan as the world sees it: who it is, where it is and what it needs.
 *
 * <p>A dependency nobody has a plan for is a plan too, a <em>missing</em> one, with an empty path
 * and no file: it still takes a place in the order, printed as {@code ident } like core-plans'
 * build-order.rb prints it.
 *
 * @param ident origin/name (never a version)
 * @param version the version text when the plan sets it statically, else null
 * @param path the plan.sh path as it was given (empty for a missing plan)
 * @param planFile the plan file read, or null for a missing plan
 * @param deps build deps, run deps and scaffolding, in declaration order, self-dependencies kept
 * @param sources the files the plan sourced while it was read, absolute and normalized, in the
 *     order first sourced (empty when none, or when bash read the plan: {@code --eval})
 */
public record Plan(
    PackageIdent ident,
    String version,
    String path,
    Path planFile,
    List<Dependency> deps,
    List<Path> sources) {

  public Plan {
    Objects.requireNonNull(ident, "ident");
    Objects.requireNonNull(path, "path");
    if (ident.version() != null) {
      throw new IllegalArgumentException("a plan ident is origin/name only, not " + ident);
    }
    if (path.isEmpty() != (planFile == null)) {
      throw new IllegalArgumentException("a plan has both a path and a file, or neither: " + path);
    }
    deps = List.copyOf(deps);
    sources = List.copyOf(sources);
  }

  /** A plan that sources no file. */
  public Plan(
      PackageIdent ident, String version, String path, Path planFile, List<Dependency> deps) {
    this(ident, version, path, planFile, deps, List.of());
  }

  /** The stand-in for a dependency that no plan provides. */
  public static Plan missing(PackageIdent ident) {
    return new Plan(ident.originAndName(), null, "", null, List.of());
  }

  /** True when no plan provides this package. */
  public boolean isMissing() {
    return planFile == null;
  }

  /**
   * The plan's directory as output lines show it: the path as given minus {@code /habitat/plan.sh}
   * or {@code /plan.sh}.
   */
  public String displayPath() {
    return displayPath(path);
  }

  /** The output line: {@code origin/name path}. */
  public String line() {
    return ident + " " + displayPath();
  }

  static String displayPath(String path) {
    for (String suffix : new String[] {"/habitat/plan.sh", "/plan.sh"}) {
      if (path.endsWith(suffix)) {
        return path.substring(0, path.length() - suffix.length());
      }
    }
    if (path.equals("plan.sh")) {
      return ".";
    }
    return path.startsWith("habitat/plan.sh") ? "." : path;
  }
}
