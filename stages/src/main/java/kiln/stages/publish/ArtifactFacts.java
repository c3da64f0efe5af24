package kiln.stages.publish;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import kiln.stages.artifact.ArtifactException;
import kiln.stages.artifact.Blake2b;
import kiln.stages.artifact.Hart;
import kiln.stages.artifact.HartInfo;
import kiln.stages.artifact.HartWriter;
import kiln.stages.artifact.OriginKeys;
import kiln.world.IoFailures;

/**
 * Reads an artifact for the index: verifies its signature, and hashes it in one pass (SHA-256 of
 * the file, BLAKE2b-256 of the payload, which must be the signed hash).
 */
final class ArtifactFacts {

  private ArtifactFacts() {}

  /**
   * @throws ArtifactException when the artifact is unreadable, its signer's key is missing or it
   *     does not verify
   */
  static IndexEntry read(Path file, OriginKeys keys) throws ArtifactException {
    Hart hart = Hart.open(file);
    String signed = hart.verifySignature(keys);
    MessageDigest sha256 = sha256();
    Blake2b.HashingInputStream payload;
    try (InputStream in = Files.newInputStream(file)) {
      byte[] header = in.readNBytes(Math.toIntExact(hart.payloadOffset()));
      sha256.update(header);
      payload = new Blake2b.HashingInputStream(new java.security.DigestInputStream(in, sha256));
      String payloadHash = payload.drainAndHex();
      hart.requireHash(signed, payloadHash);
      HartInfo info = hart.info();
      return new IndexEntry(
          info.ident(),
          info.target(),
          IndexEntry.ARTIFACTS + "/" + HartWriter.fileName(info.ident(), info.target()),
          info.fileSize(),
          HexFormat.of().formatHex(sha256.digest()),
          payloadHash,
          hart.header().signer(),
          info.deps(),
          info.tdeps());
    } catch (IOException e) {
      throw new ArtifactException(IoFailures.message("cannot read " + file, e), e);
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JDK has no SHA-256", e);
    }
  }
}
