package kiln.toolchain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one directory an archive may hold, such as {@code tools} for the tools tarball or {@code
 * hab/pkgs} for a .hart payload, and the rules that keep entry names and link targets inside it.
 *
 * <p>An entry name is clean when it has no empty, {@code .} or {@code ..} component and is not
 * absolute. A symlink target stays inside when it is absolute under {@code /<root>/} (that is where
 * the archive lives once unpacked), or relative with {@code ..} components only at its start and
 * lexically inside the root. Allowing {@code ..} anywhere else would let a chain of links that each
 * look harmless climb out (a link to {@code .} followed by {@code ..}).
 *
 * @param name the root, relative, without trailing slash, e.g. {@code tools}
 */
public record ArchiveRoot(String name) {

  /** The tools tarball's root: everything lives under {@code tools/}, unpacked at /tools. */
  public static final ArchiveRoot TOOLS = new ArchiveRoot("tools");

  /** Checks that the root is a clean relative path. */
  public ArchiveRoot {
    Objects.requireNonNull(name, "name");
    if (problemWithName(name).isPresent()) {
      throw new IllegalArgumentException(
          "archive root '" + name + "' must be a relative path like 'tools' or 'hab/pkgs'");
    }
  }

  /**
   * What is wrong with an entry name, if anything: it must be the root, one of its parent
   * directories (allowed so {@code hab/} and {@code hab/pkgs/} may precede a package) or under it.
   */
  Optional<String> problemWithEntry(String entryName) {
    String path = stripTrailingSlash(entryName);
    Optional<String> unclean = problemWithName(path);
    if (unclean.isPresent()) {
      return unclean;
    }
    if (!contains(path) && !(name + "/").startsWith(path + "/")) {
      return Optional.of("is outside " + name + "/");
    }
    return Optional.empty();
  }

  /** True when {@code path} (clean, relative) is the root or lies under it. */
  boolean contains(String path) {
    return path.equals(name) || path.startsWith(name + "/");
  }

  /** The part of {@code path} below the root ("" for the root itself). */
  String relative(String path) {
    String clean = stripTrailingSlash(path);
    return clean.equals(name) ? "" : clean.substring(name.length() + 1);
  }

  /**
   * What is wrong with a symbolic link's target, if anything.
   *
   * @param linkName the (clean) entry name of the link
   * @param target the link's target as stored
   */
  Optional<String> problemWithSymlinkTarget(String linkName, String target) {
    if (target.isEmpty()) {
      return Optional.of("is a symlink with an empty target");
    }
    if (target.startsWith("/")) {
      boolean inside = target.startsWith("/" + name + "/") || target.equals("/" + name);
      if (!inside || target.contains("/../") || target.endsWith("/..")) {
        return Optional.of("is a symlink to " + target + ", outside /" + name + "/");
      }
      return Optional.empty();
    }
    List<String> parts = new ArrayList<>(List.of(stripTrailingSlash(linkName).split("/")));
    parts.remove(parts.size() - 1);
    boolean climbing = true;
    for (String part : target.split("/")) {
      if (part.equals("..")) {
        if (!climbing || parts.isEmpty()) {
          return Optional.of("is a symlink to " + target + ", which leaves " + name + "/");
        }
        parts.remove(parts.size() - 1);
      } else if (!part.isEmpty() && !part.equals(".")) {
        climbing = false;
        parts.add(part);
      }
    }
    if (!contains(String.join("/", parts))) {
      return Optional.of("is a symlink to " + target + ", which leaves " + name + "/");
    }
    return Optional.empty();
  }

  /** What is wrong with a hard link's target (an entry name), if anything. */
  Optional<String> problemWithHardLinkTarget(String target) {
    String path = stripTrailingSlash(target);
    if (problemWithName(path).isPresent() || !contains(path) || path.equals(name)) {
      return Optional.of("is a hard link to " + target + ", outside " + name + "/");
    }
    return Optional.empty();
  }

  static String stripTrailingSlash(String path) {
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  private static Optional<String> problemWithName(String path) {
    if (path.isEmpty()) {
      return Optional.of("has an empty name");
    }
    if (path.startsWith("/")) {
      return Optional.of("is an absolute path");
    }
    for (String part : path.split("/", -1)) {
      if (part.equals("..")) {
        return Optional.of("contains '..'");
      }
      if (part.isEmpty() || part.equals(".")) {
        return Optional.of("is not a clean path (empty or '.' component)");
      }
    }
    if (path.indexOf('\0') >= 0) {
      return Optional.of("contains a NUL character");
    }
    return Optional.empty();
  }
}
