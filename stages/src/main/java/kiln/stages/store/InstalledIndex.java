package kiln.stages.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import kiln.stages.artifact.Packages;
import kiln.world.PackageIdent;

/**
 * The store's notes of what it installed: per signed payload hash, the package that artifact was
 * unpacked as ({@code <store>/.kiln-installed/<hash>}), so installing the same artifact again needs
 * no unpacking.
 */
final class InstalledIndex {

  private final Path root;

  /**
   * @param root the store directory
   */
  InstalledIndex(Path root) {
    this.root = root;
  }

  private Path dir() {
    return root.resolve(".kiln-installed");
  }

  /** The package an artifact with this signed payload hash was installed as, if it still is. */
  Optional<InstalledPackage> installed(String signedHash) throws IOException {
    Path note = dir().resolve(signedHash);
    if (!signedHash.matches("[0-9a-f]{64}") || !Files.isRegularFile(note)) {
      return Optional.empty();
    }
    PackageIdent ident;
    try {
      ident = PackageIdent.parse(Files.readString(note).trim());
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // a damaged note only costs an unpack
    }
    Path prefix = Packages.prefix(root, ident);
    return Files.isDirectory(prefix)
        ? Optional.of(new InstalledPackage(ident, prefix))
        : Optional.empty();
  }

  /** Notes an installed artifact's signed hash, written whole or not at all. */
  void remember(String signedHash, PackageIdent ident) throws IOException {
    if (!signedHash.matches("[0-9a-f]{64}")) {
      return;
    }
    Path index = Files.createDirectories(dir());
    Path temp = Files.createTempFile(index, ".note-", ".tmp");
    Files.writeString(temp, ident + "\n");
    Files.move(temp, index.resolve(signedHash), StandardCopyOption.ATOMIC_MOVE);
  }
}
