package kiln.stages.build;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where kiln keeps what builds share: {@code $KILN_HOME}, else {@code ~/.kiln}.
 *
 * @param root the directory itself
 */
public record KilnHome(Path root) {

  public KilnHome {
    Objects.requireNonNull(root, "root");
  }

  /** {@code $KILN_HOME} from the environment, else {@code ~/.kiln}. */
  public static KilnHome of(Map<String, String> environment, Path userHome) {
    String home = environment.get("KILN_HOME");
    return new KilnHome(home == null || home.isBlank() ? userHome.resolve(".kiln") : Path.of(home));
  }

  /** The unpacked package store dependencies resolve against. */
  public Path store() {
    return root.resolve("store");
  }

  /** The shared source cache (each plan's pkg_source under its pkg_filename). */
  public Path sources() {
    return root.resolve("cache/src");
  }

  /** Unpacked tools tarballs, one directory per tarball sha256. */
  public Path tools() {
    return root.resolve("cache/tools");
  }

  /** Scratch space of running builds. */
  public Path work() {
    return root.resolve("work");
  }
}
