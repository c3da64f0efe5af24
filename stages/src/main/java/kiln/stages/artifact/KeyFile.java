package kiln.stages.artifact;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import kiln.world.IoFailures;

/**
 * Habitat's key file format: {@code VERSION\nname-rev\n\nbase64} with no trailing newline. Reading
 * is a little lenient (a trailing newline, CRLF) but checks every line and names the bad one.
 */
final class KeyFile {

  static final String PUBLIC_VERSION = "SIG-PUB-1";
  static final String SECRET_VERSION = "SIG-SEC-1";

  private KeyFile() {}

  /** The text of a key file for these raw key bytes. */
  static String format(String version, KeyName name, byte[] key) {
    return version + "\n" + name + "\n\n" + Base64.getEncoder().encodeToString(key);
  }

  static PublicSigningKey readPublic(Path file) throws ArtifactException {
    return publicKey(file.toString(), lines(file), file.getFileName().toString());
  }

  static SecretSigningKey readSecret(Path file) throws ArtifactException {
    return secretKey(file.toString(), lines(file), file.getFileName().toString());
  }

  /**
   * A public key from a key file's text.
   *
   * @param where the file or stream it came from, for messages
   * @param fileName the file's name, which must be the key's; null when there is none (a stream)
   */
  static PublicSigningKey publicKey(String where, List<String> lines, String fileName)
      throws ArtifactException {
    Parsed parsed = parse(where, lines, PUBLIC_VERSION, Ed25519.PUBLIC_LENGTH, fileName);
    return new PublicSigningKey(parsed.name(), parsed.key());
  }

  /** A secret signing key from a key file's text; as {@link #publicKey}. */
  static SecretSigningKey secretKey(String where, List<String> lines, String fileName)
      throws ArtifactException {
    Parsed parsed = parse(where, lines, SECRET_VERSION, Ed25519.SECRET_LENGTH, fileName);
    try {
      return new SecretSigningKey(parsed.name(), parsed.key());
    } catch (IllegalArgumentException e) {
      throw new ArtifactException(where + ":4: " + e.getMessage(), e);
    }
  }

  /** A key file's lines, each stripped (a trailing newline and CRLF are accepted). */
  static List<String> lines(String text) {
    return text.lines().map(String::strip).toList();
  }

  private record Parsed(KeyName name, byte[] key) {}

  private static Parsed parse(
      String where, List<String> lines, String version, int length, String fileName)
      throws ArtifactException {
    if (lines.isEmpty() || !lines.get(0).equals(version)) {
      throw new ArtifactException(
          where + ":1: expected '" + version + "', found '" + line(lines, 0) + "'");
    }
    KeyName name = name(where, line(lines, 1), fileName);
    if (!line(lines, 2).isEmpty()) {
      throw new ArtifactException(
          where + ":3: expected an empty line, found '" + lines.get(2) + "'");
    }
    byte[] key = key(where, line(lines, 3), length);
    for (int i = 4; i < lines.size(); i++) {
      if (!lines.get(i).isEmpty()) {
        throw new ArtifactException(where + ":" + (i + 1) + ": unexpected text after the key");
      }
    }
    return new Parsed(name, key);
  }

  private static KeyName name(String where, String text, String fileName) throws ArtifactException {
    KeyName name;
    try {
      name = KeyName.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ArtifactException(
          where + ":2: " + e.getMessage() + " (want origin-yyyyMMddHHmmss)", e);
    }
    if (fileName != null && !fileName.startsWith(name + ".")) {
      throw new ArtifactException(
          where + ":2: the key is named '" + name + "' but the file is named '" + fileName + "'");
    }
    return name;
  }

  private static byte[] key(String where, String text, int length) throws ArtifactException {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new ArtifactException(where + ":4: the key is not base64: " + e.getMessage(), e);
    }
    if (key.length != length) {
      throw new ArtifactException(
          where + ":4: the key is " + key.length + " bytes, expected " + length);
    }
    return key;
  }

  private static List<String> lines(Path file) throws ArtifactException {
    try {
      return lines(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ArtifactException(IoFailures.message("cannot read key file " + file, e), e);
    }
  }

  private static String line(List<String> lines, int index) {
    return index < lines.size() ? lines.get(index) : "";
  }
}
