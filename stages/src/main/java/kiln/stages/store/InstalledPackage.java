package kiln.stages.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kiln.world.IoFailures;
import kiln.world.PackageIdent;

/**
 * A package unpacked in a store, with its metadata files (IDENT, TARGET, DEPS, TDEPS, ...).
 *
 * @param ident the fully qualified package
 * @param dir its prefix on the host, {@code <store>/hab/pkgs/o/n/v/r}
 */
public record InstalledPackage(PackageIdent ident, Path dir) {

  public InstalledPackage {
    if (!ident.isFullyQualified()) {
      throw new IllegalArgumentException(
          "an installed package needs a version and a release: " + ident);
    }
  }

  /** A metadata file's content, stripped, or empty when the package has no such file. */
  public Optional<String> metadata(String file) throws StoreException {
    Path path = dir.resolve(file);
    if (!Files.isRegularFile(path)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(path, StandardCharsets.UTF_8).strip());
    } catch (IOException e) {
      throw new StoreException(IoFailures.message("cannot read " + path, e), e);
    }
  }

  /** The platform it was built for (TARGET), if it says. */
  public Optional<String> target() throws StoreException {
    return metadata("TARGET");
  }

  /** Direct run dependencies (DEPS). */
  public List<PackageIdent> deps() throws StoreException {
    return idents("DEPS");
  }

  /** Transitive run dependencies (TDEPS), lowest-level last. */
  public List<PackageIdent> tdeps() throws StoreException {
    return idents("TDEPS");
  }

  /** Direct build dependencies (BUILD_DEPS). */
  public List<PackageIdent> buildDeps() throws StoreException {
    return idents("BUILD_DEPS");
  }

  /**
   * A metadata file of one fully qualified ident per line.
   *
   * @throws StoreException naming the file and line of a bad entry
   */
  public List<PackageIdent> idents(String file) throws StoreException {
    List<PackageIdent> idents = new ArrayList<>();
    Optional<String> text = metadata(file);
    if (text.isEmpty()) {
      return idents;
    }
    List<String> lines = text.get().lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      try {
        PackageIdent ident = PackageIdent.parse(line);
        if (!ident.isFullyQualified()) {
          throw new IllegalArgumentException("'" + line + "' is not origin/name/version/release");
        }
        idents.add(ident);
      } catch (IllegalArgumentException e) {
        throw new StoreException(dir.resolve(file) + ":" + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return idents;
  }

  @Override
  public String toString() {
    return ident.toString();
  }
}
