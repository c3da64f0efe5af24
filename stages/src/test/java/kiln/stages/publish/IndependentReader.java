package kiln.stages.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.tukaani.xz.XZInputStream;

/**
 * Reads a published release the way an outside client would, from the file formats alone (the
 * habitat-formats fact sheet and docs/publish.md), sharing no code with kiln: the HART-1 header by
 * hand, Ed25519 from the JDK, BLAKE2b-256 from BouncyCastle, the payload with XZ and Commons
 * Compress.
 */
final class IndependentReader {

  private static final byte[] PUBLIC_DER = HexFormat.of().parseHex("302a300506032b6570032100");

  private IndependentReader() {}

  /** A HART-1 document split up: signer, decoded signature, payload. */
  record Document(String signer, byte[] signature, byte[] payload) {}

  static Document document(Path file) throws Exception {
    byte[] bytes = Files.readAllBytes(file);
    int at = 0;
    String[] lines = new String[5];
    for (int i = 0; i < 5; i++) {
      int end = at;
      while (bytes[end] != '\n') {
        end++;
      }
      lines[i] = new String(bytes, at, end - at, StandardCharsets.US_ASCII);
      at = end + 1;
    }
    if (!lines[0].equals("HART-1") || !lines[2].equals("BLAKE2b") || !lines[4].isEmpty()) {
      throw new AssertionError(file + ": not a HART-1 document: " + Arrays.toString(lines));
    }
    return new Document(
        lines[1],
        Base64.getDecoder().decode(lines[3]),
        Arrays.copyOfRange(bytes, at, bytes.length));
  }

  /** Verifies a document with a SIG-PUB-1 key file; returns the payload. */
  static byte[] verified(Path file, Path publicKeyFile) throws Exception {
    Document doc = document(file);
    String[] key = Files.readString(publicKeyFile).split("\n");
    if (!key[0].equals("SIG-PUB-1") || !key[1].equals(doc.signer())) {
      throw new AssertionError(publicKeyFile + " is not the signer's key " + doc.signer());
    }
    byte[] raw = Base64.getDecoder().decode(key[3].strip());
    byte[] der = Arrays.copyOf(PUBLIC_DER, PUBLIC_DER.length + raw.length);
    System.arraycopy(raw, 0, der, PUBLIC_DER.length, raw.length);
    Signature ed = Signature.getInstance("Ed25519");
    ed.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der)));
    byte[] message = Arrays.copyOfRange(doc.signature(), 64, doc.signature().length);
    ed.update(message);
    if (!ed.verify(Arrays.copyOf(doc.signature(), 64))) {
      throw new AssertionError(file + ": the signature does not verify");
    }
    String signedHex = new String(message, StandardCharsets.US_ASCII);
    if (!signedHex.equals(blake2b(doc.payload()))) {
      throw new AssertionError(file + ": the payload does not hash to the signed hash");
    }
    return doc.payload();
  }

  /** The index's JSON, after verifying it with the key file named after its signer. */
  static JsonNode index(Path release) throws Exception {
    Path indexFile = release.resolve("INDEX");
    String signer = document(indexFile).signer();
    byte[] json = verified(indexFile, release.resolve("keys").resolve(signer + ".pub"));
    return new ObjectMapper().readTree(json);
  }

  static String blake2b(byte[] bytes) {
    Blake2bDigest digest = new Blake2bDigest(256);
    digest.update(bytes, 0, bytes.length);
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return HexFormat.of().formatHex(out);
  }

  static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  /** The metadata files (IDENT, TARGET, DEPS, TDEPS) in an artifact's payload. */
  static Map<String, String> metadata(byte[] payload) throws Exception {
    Map<String, String> files = new HashMap<>();
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(payload)))) {
      for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
        String[] parts = e.getName().split("/");
        if (parts.length == 7 && e.isFile()) {
          files.put(parts[6], new String(tar.readAllBytes(), StandardCharsets.UTF_8).strip());
        }
      }
    }
    return files;
  }
}
