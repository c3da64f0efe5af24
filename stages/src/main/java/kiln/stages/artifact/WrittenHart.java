package kiln.stages.artifact;

import java.nio.file.Path;
import java.util.Objects;
import kiln.world.PackageIdent;

/**
 * An artifact as {@link HartWriter} wrote it, with the facts it computed on the way, so that no one
 * has to read the file again to learn them.
 *
 * @param path the artifact
 * @param ident the package it holds
 * @param target the package target
 * @param sha256 the SHA-256 of the whole file, lowercase hex
 * @param blake2b the BLAKE2b-256 of the whole file, lowercase hex
 * @param payloadHash the BLAKE2b-256 of the payload, the hash its header signs
 * @param size the file's size in bytes
 */
public record WrittenHart(
    Path path,
    PackageIdent ident,
    String target,
    String sha256,
    String blake2b,
    String payloadHash,
    long size) {

  public WrittenHart {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(ident, "ident");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(blake2b, "blake2b");
    Objects.requireNonNull(payloadHash, "payloadHash");
  }

  /** The same artifact at another path (after a rename). */
  public WrittenHart movedTo(Path newPath) {
    return new WrittenHart(newPath, ident, target, sha256, blake2b, payloadHash, size);
  }
}
