package kiln.stages.artifact;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import kiln.world.IoFailures;
import kiln.world.PackageIdent;

/**
 * Packs a built package into a signed {@code <origin>-<name>-<version>-<release>-<target>.hart}.
 * The same tree, release and SOURCE_DATE_EPOCH always give the same bytes: entries are sorted and
 * owned by 0:0, and mtimes are clamped to SOURCE_DATE_EPOCH or, without it, all set to the
 * release's time. The artifact appears in the results directory whole or not at all.
 */
public final class HartWriter {

  private static final DateTimeFormatter RELEASE = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

  private final SecretSigningKey key;
  private final Optional<Instant> sourceDateEpoch;

  /**
   * @param key the origin's signing key; it must belong to the package's origin
   * @param sourceDateEpoch the latest mtime to record, or empty to record the release's time
   */
  public HartWriter(SecretSigningKey key, Optional<Instant> sourceDateEpoch) {
    this.key = key;
    this.sourceDateEpoch = sourceDateEpoch.map(t -> t.truncatedTo(ChronoUnit.SECONDS));
  }

  /** SOURCE_DATE_EPOCH from an environment, if it is set. */
  public static Optional<Instant> sourceDateEpoch(Map<String, String> environment)
      throws ArtifactException {
    String value = environment.get("SOURCE_DATE_EPOCH");
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    if (!value.strip().matches("\\d{1,12}")) {
      throw new ArtifactException(
          "SOURCE_DATE_EPOCH='" + value + "' is not a count of seconds since 1970-01-01 UTC");
    }
    return Optional.of(Instant.ofEpochSecond(Long.parseLong(value.strip())));
  }

  /** The artifact's file name, {@code <origin>-<name>-<version>-<release>-<target>.hart}. */
  public static String fileName(PackageIdent ident, String target) {
    return String.join("-", ident.origin(), ident.name(), ident.version(), ident.release(), target)
        + ".hart";
  }

  /**
   * Writes the artifact of the package at {@code stagingRoot/hab/pkgs/o/n/v/r}.
   *
   * @param stagingRoot the directory holding {@code hab/pkgs/...} (a studio's root, or a copy)
   * @param ident the fully qualified package
   * @param target the platform, e.g. {@code x86_64-linux}
   * @param resultsDir where the artifact goes (created if needed)
   * @return the artifact's path
   * @throws ArtifactException when the package is not there, its IDENT/TARGET disagree, the key is
   *     another origin's, or writing fails (nothing is left in the results directory then)
   */
  public Path write(Path stagingRoot, PackageIdent ident, String target, Path resultsDir)
      throws ArtifactException {
    return writeHashed(stagingRoot, ident, target, resultsDir).path();
  }

  /**
   * Writes the artifact as {@link #write} does, hashing it on the way (SHA-256 and BLAKE2b of the
   * file, the signed payload hash), so the caller need not read it again.
   */
  public WrittenHart writeHashed(
      Path stagingRoot, PackageIdent ident, String target, Path resultsDir)
      throws ArtifactException {
    Path prefix = Packages.prefix(stagingRoot, ident);
    requirePackage(prefix, ident, target);
    Path hart = resultsDir.resolve(fileName(ident, target));
    Path payload = null;
    try {
      Files.createDirectories(resultsDir);
      payload = Files.createTempFile(resultsDir, ".kiln-tmp-", ".payload");
      String hash;
      try (Blake2b.HashingOutputStream out =
          new Blake2b.HashingOutputStream(
              new BufferedOutputStream(Files.newOutputStream(payload), 1 << 16))) {
        new PayloadTar(stagingRoot, mtimes(ident)).write(prefix, out);
        hash = out.hex();
      }
      byte[] header = HartHeader.sign(key, hash).toBytes();
      Path body = payload;
      MessageDigest sha256 = sha256();
      Blake2b.HashingOutputStream[] hashed = new Blake2b.HashingOutputStream[1];
      AtomicFiles.write(
          hart,
          PosixFilePermissions.fromString("rw-r--r--"),
          true,
          out -> {
            hashed[0] = new Blake2b.HashingOutputStream(new DigestOutputStream(out, sha256));
            hashed[0].write(header);
            Files.copy(body, hashed[0]);
            hashed[0].flush();
          });
      return new WrittenHart(
          hart,
          ident,
          target,
          HexFormat.of().formatHex(sha256.digest()),
          hashed[0].hex(),
          hash,
          header.length + Files.size(body));
    } catch (IOException e) {
      throw new ArtifactException(IoFailures.message("cannot write " + hart, e), e);
    } finally {
      deleteQuietly(payload);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  private void requirePackage(Path prefix, PackageIdent ident, String target)
      throws ArtifactException {
    if (!ident.isFullyQualified()) {
      throw new ArtifactException("cannot pack " + ident + ": it needs a version and a release");
    }
    if (!key.name().name().equals(ident.origin())) {
      throw new ArtifactException(
          "cannot sign "
              + ident
              + " with "
              + key.name()
              + ": a package is signed with a key of its own origin ("
              + ident.origin()
              + ")");
    }
    if (!Files.isDirectory(prefix)) {
      throw new ArtifactException("cannot pack " + ident + ": " + prefix + " is not a directory");
    }
    requireMetadata(prefix, "IDENT", ident.toString());
    requireMetadata(prefix, "TARGET", target);
  }

  private static void requireMetadata(Path prefix, String name, String expected)
      throws ArtifactException {
    Path file = prefix.resolve(name);
    try {
      if (Files.isRegularFile(file)) {
        String actual = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (!actual.equals(expected)) {
          throw new ArtifactException(
              file + " says '" + actual + "' but the artifact is for '" + expected + "'");
        }
      }
    } catch (IOException e) {
      throw new ArtifactException(IoFailures.message("cannot read " + file, e), e);
    }
  }

  private UnaryOperator<Instant> mtimes(PackageIdent ident) {
    if (sourceDateEpoch.isPresent()) {
      Instant latest = sourceDateEpoch.get();
      return t -> t.isAfter(latest) ? latest : t.truncatedTo(ChronoUnit.SECONDS);
    }
    Instant release = releaseTime(ident.release());
    return t -> release;
  }

  /** The release's time; a release that is not a timestamp records the epoch. */
  static Instant releaseTime(String release) {
    try {
      return LocalDateTime.parse(release, RELEASE).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // Nothing to do: the name starts with .kiln-tmp, so it is recognisable debris.
      }
    }
  }

  /** For tests: writes a payload without signing it. */
  static void writePayload(Path stagingRoot, PackageIdent ident, Instant mtime, OutputStream out)
      throws IOException, ArtifactException {
    new PayloadTar(stagingRoot, t -> mtime).write(Packages.prefix(stagingRoot, ident), out);
  }
}
