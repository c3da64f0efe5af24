package kiln.stages.artifact;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Optional;
import kiln.world.IoFailures;

/**
 * A HART-1 document on disk: a .hart artifact, or a FILES metadata file. Opening reads and checks
 * the header; {@link #verify} checks the signature and the payload's hash; {@link #info} reads the
 * package metadata from an artifact's payload.
 */
public final class Hart {

  private final Path file;
  private final HartHeader header;
  private final long payloadOffset;

  private Hart(Path file, HartHeader header, long payloadOffset) {
    this.file = file;
    this.header = header;
    this.payloadOffset = payloadOffset;
  }

  /**
   * Opens a HART-1 document and reads its header.
   *
   * @throws ArtifactException naming the file and what is wrong with the header, in Habitat's words
   *     where Habitat has them (e.g. {@code Unsupported format version: HART-2}); a file that is no
   *     artifact at all is said to be none, showing at most a short escaped prefix of its bytes
   */
  public static Hart open(Path file) throws ArtifactException {
    if (Files.isDirectory(file)) {
      throw new ArtifactException(file + ": a directory, not a .hart file");
    }
    if (!Files.isRegularFile(file)) {
      throw new ArtifactException(file + ": no such file");
    }
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      HartHeader.Read read = HartHeader.read(in, file.toString());
      return new Hart(file, read.header(), read.length());
    } catch (IOException e) {
      throw new ArtifactException(IoFailures.message("cannot read " + file, e), e);
    }
  }

  public Path file() {
    return file;
  }

  public HartHeader header() {
    return header;
  }

  /** Where the payload starts in the file. */
  public long payloadOffset() {
    return payloadOffset;
  }

  /** The raw payload (for an artifact: xz-compressed tar). Not verified: see {@link #verify}. */
  public InputStream openPayload() throws IOException {
    InputStream in = Files.newInputStream(file);
    in.skipNBytes(payloadOffset);
    return new BufferedInputStream(in, 1 << 16);
  }

  /**
   * Checks the header's signature with the signer's public key, without reading the payload.
   *
   * @return the BLAKE2b-256 hex the signer vouches for; the payload must hash to it
   * @throws ArtifactException when the key is missing (naming it) or the signature is bad
   */
  public String verifySignature(OriginKeys keys) throws ArtifactException {
    PublicSigningKey key = keys.publicKey(header.signer());
    Optional<byte[]> signed = key.open(header.signature());
    if (signed.isEmpty()) {
      throw new ArtifactException(
          file
              + ": bad signature: it does not verify with "
              + keys.directory().resolve(header.signer().publicFileName())
              + " (the header was altered, or another key with that name signed it)");
    }
    return new String(signed.get(), StandardCharsets.US_ASCII);
  }

  /**
   * Verifies the document: the signer's public key must be in {@code keys}, the signature must
   * check out and the payload must hash to what was signed.
   *
   * @return the key that signed
   * @throws ArtifactException saying which check failed
   */
  public KeyName verify(OriginKeys keys) throws ArtifactException {
    String signed = verifySignature(keys);
    String actual;
    try (InputStream payload = openPayload()) {
      actual = Blake2b.hexOf(payload);
    } catch (IOException e) {
      throw new ArtifactException(IoFailures.message("cannot read " + file, e), e);
    }
    requireHash(signed, actual);
    return header.signer();
  }

  /**
   * Fails unless the payload's hash is the signed one (compared in constant time, as libsodium
   * users do).
   */
  public void requireHash(String signedHex, String payloadHex) throws ArtifactException {
    byte[] signed = signedHex.getBytes(StandardCharsets.US_ASCII);
    byte[] actual = payloadHex.getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(signed, actual)) {
      throw new ArtifactException(
          file
              + ": content was altered: Habitat artifact is invalid, hashes don't match (the"
              + " payload hashes to "
              + payloadHex
              + ", "
              + header.signer()
              + " signed "
              + signedHex
              + ")");
    }
  }

  /**
   * The package this artifact holds, read from the metadata files in its payload. Does not verify:
   * call {@link #verify} first when it matters.
   */
  public HartInfo info() throws ArtifactException {
    return HartInfoReader.read(this);
  }

  /** The payload as text, for a FILES document. Does not verify. */
  public String payloadText() throws ArtifactException {
    try (InputStream payload = openPayload()) {
      return new String(payload.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ArtifactException(IoFailures.message("cannot read " + file, e), e);
    }
  }
}
