package kiln.stages.artifact;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The five-line header of a HART-1 document (a .hart artifact or a FILES metadata file): format,
 * signer key, hash type, the base64 combined-mode signature of the payload's BLAKE2b-256 hex, and
 * an empty line. The payload follows it.
 *
 * @param signer the key that signed, e.g. {@code core-20160810182414}
 * @param encodedSignature the base64 (standard alphabet, padded) of signature + signed hash hex
 */
public record HartHeader(KeyName signer, String encodedSignature) {

  /** The only format version there is. */
  public static final String FORMAT = "HART-1";

  /** The only hash type there is. */
  public static final String HASH_TYPE = "BLAKE2b";

  /** Header lines are short; a longer "line" means this is not a HART-1 document. */
  private static final int MAX_LINE = 4096;

  public HartHeader {
    if (signer == null || encodedSignature == null || encodedSignature.isBlank()) {
      throw new IllegalArgumentException("a HART-1 header needs a signer and a signature");
    }
  }

  /** Signs a payload's BLAKE2b-256 hex with a key, as Habitat does: the hex text is signed. */
  public static HartHeader sign(SecretSigningKey key, String payloadHashHex) {
    byte[] combined = key.signCombined(payloadHashHex.getBytes(StandardCharsets.US_ASCII));
    return new HartHeader(key.name(), Base64.getEncoder().encodeToString(combined));
  }

  /** The header's bytes, up to and including the empty line before the payload. */
  public byte[] toBytes() {
    String text = FORMAT + "\n" + signer + "\n" + HASH_TYPE + "\n" + encodedSignature + "\n" + "\n";
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** The decoded signature: 64 signature bytes then the signed message. */
  public byte[] signature() {
    return Base64.getDecoder().decode(encodedSignature);
  }

  /**
   * Reads a header by Habitat's rules: five lines, each trimmed; messages as Habitat words them.
   *
   * @param in positioned at the start of the document; left at the start of the payload
   * @return the header and how many bytes it took
   */
  static Read read(InputStream in, String where) throws ArtifactException, IOException {
    Lines lines = new Lines(in, where);
    try {
      return read(lines, where);
    } catch (ArtifactException e) {
      if (!lines.cut) {
        throw e;
      }
      // Habitat judges the partial line; the user needs to hear that the file stops there.
      throw new ArtifactException(e.getMessage() + " (" + lines.ended() + ")", e);
    }
  }

  private static Read read(Lines lines, String where) throws ArtifactException, IOException {
    byte[] first = lines.firstLine("Corrupt payload, can't read format version");
    String format = new String(first, StandardCharsets.UTF_8).strip();
    if (!format.equals(FORMAT)) {
      if (format.matches("HART-[0-9]+")) {
        throw fail(where, "Unsupported format version: " + format);
      }
      throw notAHart(where, first);
    }
    KeyName signer;
    try {
      signer = KeyName.parse(lines.next("Corrupt payload, can't read origin key name"));
    } catch (IllegalArgumentException e) {
      throw fail(where, e.getMessage(), e);
    }
    String hashType = lines.next("Corrupt payload, can't read hash type");
    if (!hashType.equals(HASH_TYPE)) {
      throw fail(where, "Unsupported signature type: " + hashType);
    }
    String signature = lines.next("Corrupt payload, can't read signature");
    decode(signature, where);
    String end = lines.next("Corrupt payload, can't find end of header");
    if (!end.isEmpty()) {
      throw fail(where, "Expected empty delimiter line in header; got '" + end + "'");
    }
    return new Read(new HartHeader(signer, signature), lines.consumed);
  }

  /** A header and the number of bytes it took in the file. */
  record Read(HartHeader header, long length) {}

  private static void decode(String signature, String where) throws ArtifactException {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(signature);
    } catch (IllegalArgumentException e) {
      throw fail(where, "Can't decode signature: " + e.getMessage(), e);
    }
    if (bytes.length != 128) {
      throw fail(
          where,
          "the signature is "
              + bytes.length
              + " bytes, expected 128 (an Ed25519 signature and the 64-character hash it signs)");
    }
  }

  /** How many bytes of a file that is no artifact a message shows, escaped. */
  private static final int SHOWN_PREFIX = 24;

  /**
   * Anything not starting with a HART-N line (a bare tarball, a plan, a binary) is said to be no
   * artifact; only a short, escaped prefix is shown, never raw bytes that would garble a terminal.
   */
  private static ArtifactException notAHart(String where, byte[] start) {
    return new ArtifactException(
        where
            + " is not a .hart artifact: it does not start with "
            + FORMAT
            + " (a signed Habitat artifact); it starts with \""
            + escaped(start)
            + "\"");
  }

  static String escaped(byte[] bytes) {
    StringBuilder text = new StringBuilder();
    int shown = Math.min(bytes.length, SHOWN_PREFIX);
    for (int i = 0; i < shown; i++) {
      int b = bytes[i] & 0xff;
      if (b == '\\' || b == '"') {
        text.append('\\').append((char) b);
      } else if (b >= 0x20 && b < 0x7f) {
        text.append((char) b);
      } else {
        text.append(String.format("\\x%02x", b));
      }
    }
    return shown < bytes.length ? text + "..." : text.toString();
  }

  private static ArtifactException fail(String where, String message) {
    return fail(where, message, null);
  }

  private static ArtifactException fail(String where, String message, Throwable cause) {
    return new ArtifactException(where + ": " + message, cause);
  }

  /** Reads newline-terminated lines byte by byte, counting what it took. */
  private static final class Lines {
    private final InputStream in;
    private final String where;
    private long consumed;
    private boolean cut;

    Lines(InputStream in, String where) {
      this.in = in;
      this.where = where;
    }

    /**
     * The raw first line, read no further than a short prefix when it runs long: a file that is no
     * artifact may have no newline for megabytes.
     */
    byte[] firstLine(String ifMissing) throws ArtifactException, IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      int b;
      while ((b = in.read()) != -1) {
        consumed++;
        if (b == '\n' || line.size() > FORMAT.length() + SHOWN_PREFIX) {
          break;
        }
        line.write(b);
      }
      if (b == -1 && line.size() == 0) {
        cut = false; // this message says it already
        throw fail(where, ifMissing + ": " + ended());
      }
      cut = b == -1;
      return line.toByteArray();
    }

    String next(String ifMissing) throws ArtifactException, IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      int b;
      while ((b = in.read()) != -1) {
        consumed++;
        if (b == '\n') {
          break;
        }
        if (line.size() == MAX_LINE) {
          throw fail(
              where, "header line longer than " + MAX_LINE + " bytes: not a HART-1 document");
        }
        line.write(b);
      }
      if (b == -1 && line.size() == 0) {
        cut = false; // this message says it already
        throw fail(where, ifMissing + ": " + ended());
      }
      cut = b == -1;
      return line.toString(StandardCharsets.UTF_8).strip();
    }

    /** Habitat's message says which line is missing; this says why, for a user. */
    String ended() {
      return consumed == 0
          ? "the file is empty"
          : "the file ends after "
              + consumed
              + " bytes, inside the header: truncated (an incomplete download or copy?)";
    }
  }
}
