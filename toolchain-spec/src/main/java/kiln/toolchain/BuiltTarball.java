package kiln.toolchain;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A tarball kiln wrote.
 *
 * @param path where it is
 * @param sha256 its SHA-256, lowercase hex
 */
public record BuiltTarball(Path path, String sha256) {
  public BuiltTarball {
    Objects.requireNonNull(path, "path");
    if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("sha256 '" + sha256 + "' is not 64 hex digits");
    }
  }

  /** The line {@code sha256sum} prints, so {@code sha256sum -c} can check it. */
  @Override
  public String toString() {
    return sha256 + "  " + path;
  }
}
