package kiln.stages.publish;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import kiln.stages.artifact.ArtifactException;
import kiln.stages.artifact.Blake2b;
import kiln.stages.artifact.Hart;
import kiln.stages.artifact.HartHeader;
import kiln.stages.artifact.OriginKeys;
import kiln.stages.artifact.SecretSigningKey;

/**
 * A release's {@code INDEX}: a HART-1 document, as Habitat signs an artifact or a FILES list, whose
 * payload is the index's JSON. The origin key signs the BLAKE2b-256 hex of the JSON, so any client
 * holding the public key checks it the way it checks an artifact.
 */
public final class SignedIndex {

  /** The index's file name in a release. */
  public static final String FILE = "INDEX";

  private SignedIndex() {}

  /** The signed document's bytes: the header, then the JSON. */
  static byte[] sign(RepositoryIndex index, SecretSigningKey key) {
    byte[] payload = IndexJson.write(index);
    byte[] header = HartHeader.sign(key, Blake2b.hexOf(payload)).toBytes();
    byte[] document = new byte[header.length + payload.length];
    System.arraycopy(header, 0, document, 0, header.length);
    System.arraycopy(payload, 0, document, header.length, payload.length);
    return document;
  }

  /**
   * Reads an index, checking its signature and hash with the signer's public key in {@code keys}.
   *
   * @throws RepositoryException when the key is missing, the signature or hash is bad, or the JSON
   *     is not an index (naming the member)
   */
  public static RepositoryIndex read(Path file, OriginKeys keys) throws RepositoryException {
    String json;
    try {
      Hart document = Hart.open(file);
      document.verify(keys);
      json = document.payloadText();
    } catch (ArtifactException e) {
      throw new RepositoryException("the repository's index " + e.getMessage(), e);
    }
    try {
      return IndexJson.read(json);
    } catch (IllegalArgumentException e) {
      throw new RepositoryException(file + ": not a repository index: " + e.getMessage(), e);
    }
  }

  /** The JSON of an index, for a reader that checked nothing (tests, the server's lookups). */
  static String json(RepositoryIndex index) {
    return new String(IndexJson.write(index), StandardCharsets.UTF_8);
  }
}
