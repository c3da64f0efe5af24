package kiln.stages.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kiln.stages.artifact.ArtifactException;
import kiln.stages.artifact.Blake2b;
import kiln.stages.artifact.Hart;
import kiln.stages.artifact.OriginKeys;
import kiln.stages.artifact.Packages;
import kiln.stages.artifact.WrittenHart;
import kiln.world.IoFailures;
import kiln.world.PackageIdent;

/**
 * Unpacked packages on the host, laid out as {@code <store>/hab/pkgs/o/n/v/r}: what studios mount
 * as their {@code /hab/pkgs}. Installing verifies the artifact and unpacks it safely and
 * atomically; resolving picks the highest installed match of a dependency, as Habitat does.
 */
public final class PackageStore {

  private final Path root;
  private final InstalledIndex index;

  /**
   * @param root the store directory; {@code hab/pkgs} is created below it when needed
   */
  public PackageStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
    this.index = new InstalledIndex(this.root);
  }

  public Path root() {
    return root;
  }

  /**
   * Verifies an artifact and unpacks it into the store. The payload is read once: it is unpacked
   * into a hidden directory of the store while being hashed, and renamed into place only when the
   * hash is the signed one, so the store never holds half a package or an altered one. Installing a
   * package that is already there changes nothing.
   *
   * @throws ArtifactException when the artifact is unreadable, its signer's key is missing, the
   *     signature is bad or the content was altered
   * @throws StoreException when the payload tries to write outside its package, or unpacking fails
   */
  public InstalledPackage install(Path hartFile, OriginKeys keys)
      throws ArtifactException, StoreException {
    Hart hart = Hart.open(hartFile);
    return install(hart, hart.verifySignature(keys), Optional.of(keys));
  }

  /**
   * Installs an artifact kiln has just written, as {@link #install} does but without verifying it
   * again: its writer computed the payload hash it signed while writing it, so the payload is read
   * once, to unpack it. Only for artifacts of this kiln's own making; one from elsewhere goes
   * through {@link #install}.
   *
   * @throws StoreException when the payload tries to write outside its package, or unpacking fails
   */
  public InstalledPackage installWritten(WrittenHart written)
      throws ArtifactException, StoreException {
    return install(Hart.open(written.path()), written.payloadHash(), Optional.empty());
  }

  /**
   * @param verifying the keys to check the payload against its signed hash, or empty when the hash
   *     is known to be the payload's already
   */
  private InstalledPackage install(Hart hart, String signed, Optional<OriginKeys> verifying)
      throws ArtifactException, StoreException {
    Path hartFile = hart.file();
    Path temp = null;
    try {
      Optional<InstalledPackage> before = index.installed(signed);
      if (before.isPresent()) {
        // Every resumed stage installs the stage before's artifacts again: the hash of the
        // compressed payload proves this file holds what was unpacked then, without unpacking.
        if (verifying.isPresent()) {
          hart.verify(verifying.get());
        }
        return before.get();
      }
      Files.createDirectories(root.resolve("hab").resolve("pkgs"));
      temp = Files.createTempDirectory(root, ".kiln-unpack-");
      PackageIdent ident =
          verifying.isPresent() ? unpackVerified(hart, signed, temp) : unpack(hart, temp);
      requireIdentFile(hartFile, temp, ident);
      InstalledPackage installed = moveIntoPlace(Packages.prefix(temp, ident), ident);
      index.remember(signed, ident);
      return installed;
    } catch (IOException e) {
      throw new StoreException(
          IoFailures.message("cannot install " + hartFile + " into " + root, e), e);
    } finally {
      Trees.deleteQuietly(temp);
    }
  }

  private static PackageIdent unpack(Hart hart, Path temp) throws IOException, StoreException {
    try (InputStream payload = hart.openPayload()) {
      return HartUnpacker.unpack(payload, temp, hart.file().toString());
    }
  }

  private static PackageIdent unpackVerified(Hart hart, String signed, Path temp)
      throws IOException, ArtifactException, StoreException {
    try (Blake2b.HashingInputStream payload = new Blake2b.HashingInputStream(hart.openPayload())) {
      PackageIdent ident;
      try {
        ident = HartUnpacker.unpack(payload, temp, hart.file().toString());
      } catch (IOException | StoreException e) {
        // A broken payload is first of all an altered one, if the hash says so.
        hart.requireHash(signed, payload.drainAndHex());
        throw e;
      }
      hart.requireHash(signed, payload.drainAndHex());
      return ident;
    }
  }

  private static void requireIdentFile(Path hartFile, Path temp, PackageIdent ident)
      throws StoreException {
    Optional<String> written =
        new InstalledPackage(ident, Packages.prefix(temp, ident)).metadata("IDENT");
    if (written.isEmpty() || !written.get().equals(ident.toString())) {
      throw new StoreException(
          hartFile
              + ": its files are under hab/pkgs/"
              + ident
              + " but its IDENT says '"
              + written.orElse("(no IDENT file)")
              + "': not a package kiln can install");
    }
  }

  private InstalledPackage moveIntoPlace(Path unpacked, PackageIdent ident) throws IOException {
    Path dest = Packages.prefix(root, ident);
    if (Files.isDirectory(dest)) {
      return new InstalledPackage(ident, dest);
    }
    Files.createDirectories(dest.getParent());
    try {
      Files.move(unpacked, dest, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
      // Another kiln installed the same package meanwhile: same ident, same content.
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("cannot rename " + unpacked + " to " + dest + " atomically", e);
    }
    return new InstalledPackage(ident, dest);
  }

  /** Every installed package, sorted by origin, name, then version order. */
  public List<InstalledPackage> installed() throws StoreException {
    List<InstalledPackage> all = new ArrayList<>();
    for (Path origin : Trees.children(root.resolve("hab").resolve("pkgs"))) {
      for (Path name : Trees.children(origin)) {
        all.addAll(installed(origin.getFileName().toString(), name.getFileName().toString()));
      }
    }
    return all;
  }

  /** The installed releases of one origin/name, lowest version first. */
  public List<InstalledPackage> installed(String origin, String name) throws StoreException {
    List<InstalledPackage> found = new ArrayList<>();
    Path dir = root.resolve("hab").resolve("pkgs").resolve(origin).resolve(name);
    for (Path version : Trees.children(dir)) {
      for (Path release : Trees.children(version)) {
        ident(origin, name, version, release)
            .ifPresent(ident -> found.add(new InstalledPackage(ident, release)));
      }
    }
    found.sort((a, b) -> VersionOrder.INSTANCE.compare(a.ident(), b.ident()));
    return found;
  }

  private static Optional<PackageIdent> ident(
      String origin, String name, Path version, Path release) {
    try {
      return Optional.of(
          new PackageIdent(
              origin, name, version.getFileName().toString(), release.getFileName().toString()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Resolves a dependency against the installed packages, as Habitat does: the candidates match
   * every part the dependency gives ({@code o/n}, {@code o/n/v} or {@code o/n/v/r}) and were built
   * for the target (or do not say); the highest in {@link VersionOrder} wins.
   *
   * @throws StoreException naming the dependency and what is installed of its origin/name
   */
  public InstalledPackage resolve(PackageIdent dep, String target) throws StoreException {
    List<InstalledPackage> all = installed(dep.origin(), dep.name());
    InstalledPackage best = null;
    for (InstalledPackage candidate : all) {
      if (matches(dep, candidate.ident()) && builtFor(candidate, target)) {
        best = candidate;
      }
    }
    if (best == null) {
      throw new StoreException(unresolved(dep, target, all));
    }
    return best;
  }

  /**
   * Resolves several dependencies, reporting every one that does not resolve at once.
   *
   * @return the resolved packages, in the order given
   */
  public List<InstalledPackage> resolveAll(List<PackageIdent> deps, String target)
      throws StoreException {
    List<InstalledPackage> resolved = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (PackageIdent dep : deps) {
      try {
        resolved.add(resolve(dep, target));
      } catch (StoreException e) {
        errors.add(e.getMessage());
      }
    }
    if (!errors.isEmpty()) {
      throw new StoreException(String.join("\n", errors));
    }
    return resolved;
  }

  /**
   * The TDEPS of a package with these resolved direct dependencies (habitat-formats.md: direct deps
   * in order, then each one's TDEPS moved to the end).
   *
   * @throws StoreException when two releases of one origin/name would be needed, naming both
   */
  public List<PackageIdent> transitiveDeps(List<InstalledPackage> direct) throws StoreException {
    return TransitiveDeps.of(direct);
  }

  private static boolean matches(PackageIdent dep, PackageIdent installed) {
    return (dep.version() == null || dep.version().equals(installed.version()))
        && (dep.release() == null || dep.release().equals(installed.release()));
  }

  private static boolean builtFor(InstalledPackage candidate, String target) throws StoreException {
    Optional<String> builtFor = candidate.target();
    return builtFor.isEmpty() || builtFor.get().equals(target);
  }

  private String unresolved(PackageIdent dep, String target, List<InstalledPackage> all)
      throws StoreException {
    StringBuilder message =
        new StringBuilder("cannot resolve dependency ")
            .append(dep)
            .append(" for ")
            .append(target)
            .append(" in ")
            .append(root)
            .append(": ");
    if (all.isEmpty()) {
      message.append("nothing of ").append(dep.originAndName()).append(" is installed");
    } else {
      message.append("installed of ").append(dep.originAndName()).append(": ");
      List<String> listed = new ArrayList<>();
      for (InstalledPackage pkg : all) {
        listed.add(pkg.ident() + pkg.target().map(t -> " (" + t + ")").orElse(""));
      }
      message.append(String.join(", ", listed));
    }
    return message.append("; install its artifact or build it first").toString();
  }
}
