package kiln.resume;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A built artifact as the ledger remembers it.
 *
 * @param path where the artifact is
 * @param sha256 its SHA-256, 64 lowercase hex digits
 * @param size its size in bytes
 * @param modifiedMillis its modification time when it was recorded, in epoch milliseconds
 */
public record Artifact(Path path, String sha256, long size, long modifiedMillis) {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  public Artifact {
    Objects.requireNonNull(path, "path");
    if (sha256 == null || !SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("not a sha256 for " + path + ": '" + sha256 + "'");
    }
    if (size < 0) {
      throw new IllegalArgumentException("negative size for " + path + ": " + size);
    }
  }

  /** Hashes and measures the file at {@code path}. */
  public static Artifact of(Path path) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
    return new Artifact(
        path, sha256Of(path), attributes.size(), attributes.lastModifiedTime().toMillis());
  }

  /**
   * Measures the file at {@code path} whose SHA-256 is already known (its writer computed it), so
   * it is not read again.
   */
  public static Artifact measured(Path path, String sha256) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
    return new Artifact(path, sha256, attributes.size(), attributes.lastModifiedTime().toMillis());
  }

  /**
   * Tells whether the file is still the one that was built. Size and modification time unchanged
   * are taken as proof (as make and git do), so resuming a world of thousands of artifacts does not
   * read them all; a file whose time changed is hashed and must match.
   */
  public boolean stillMatches() throws IOException {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(path, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return false;
    }
    if (!attributes.isRegularFile() || attributes.size() != size) {
      return false;
    }
    return attributes.lastModifiedTime().toMillis() == modifiedMillis
        || sha256Of(path).equals(sha256);
  }

  /** The SHA-256 of a file's content in lowercase hex. */
  public static String sha256Of(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
