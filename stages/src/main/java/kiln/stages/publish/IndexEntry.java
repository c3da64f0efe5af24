package kiln.stages.publish;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import kiln.stages.artifact.KeyName;
import kiln.world.PackageIdent;

/**
 * One package of a published repository, as its index lists it.
 *
 * @param ident the package, fully qualified
 * @param target the platform it was built for
 * @param file the artifact's path inside the release, {@code artifacts/<name>.hart}
 * @param size the artifact's size in bytes
 * @param sha256 the SHA-256 of the whole artifact, lowercase hex
 * @param blake2b the BLAKE2b-256 of the payload, lowercase hex: the hash its header signs
 * @param signer the key that signed the artifact
 * @param deps direct run dependencies (DEPS)
 * @param tdeps transitive run dependencies (TDEPS)
 */
public record IndexEntry(
    PackageIdent ident,
    String target,
    String file,
    long size,
    String sha256,
    String blake2b,
    KeyName signer,
    List<PackageIdent> deps,
    List<PackageIdent> tdeps) {

  /** Where artifacts are inside a release. */
  public static final String ARTIFACTS = "artifacts";

  /** One plain file name below {@code artifacts/}: nothing a client could be led astray by. */
  private static final Pattern FILE =
      Pattern.compile(ARTIFACTS + "/[A-Za-z0-9_+-][A-Za-z0-9._+-]*\\.hart");

  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

  public IndexEntry {
    Objects.requireNonNull(ident, "ident");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(signer, "signer");
    if (!ident.isFullyQualified()) {
      throw new IllegalArgumentException(
          "ident '" + ident + "' is not origin/name/version/release");
    }
    if (file == null || !FILE.matcher(file).matches() || file.contains("..")) {
      throw new IllegalArgumentException(
          "file '" + file + "' is not a plain artifacts/NAME.hart inside the release");
    }
    if (size < 0) {
      throw new IllegalArgumentException("size " + size + " is negative");
    }
    requireHex("sha256", sha256);
    requireHex("blake2b", blake2b);
    deps = List.copyOf(deps);
    tdeps = List.copyOf(tdeps);
  }

  private static void requireHex(String what, String value) {
    if (value == null || !HEX64.matcher(value).matches()) {
      throw new IllegalArgumentException(what + " '" + value + "' is not 64 lowercase hex digits");
    }
  }

  /** The artifact's file name, without {@code artifacts/}. */
  public String fileName() {
    return file.substring(ARTIFACTS.length() + 1);
  }

  /** Whether this package answers a lookup of {@code o/n}, {@code o/n/v} or {@code o/n/v/r}. */
  public boolean matches(PackageIdent wanted) {
    return ident.origin().equals(wanted.origin())
        && ident.name().equals(wanted.name())
        && wanted.versionIfSet().map(ident.version()::equals).orElse(true)
        && wanted.releaseIfSet().map(ident.release()::equals).orElse(true);
  }
}
