package kiln.stages.artifact;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import kiln.world.IoFailures;

/**
 * Puts a key given as Habitat key-file text into a key directory under its own name, as {@code hab
 * origin key import} does. A secret key brings its public half along (kiln verifies what it signs
 * with the {@code .pub}); a file already there with the same key is fine, one with another key of
 * that name is never replaced.
 */
final class KeyImport {

  private final Path directory;

  KeyImport(Path directory) {
    this.directory = directory;
  }

  /** The key files of the imported key now in the directory: the public one first. */
  List<Path> importKey(String text, String from) throws ArtifactException {
    List<String> lines = KeyFile.lines(text);
    String version = lines.isEmpty() ? "" : lines.get(0);
    List<Path> files = new ArrayList<>();
    if (version.equals(KeyFile.SECRET_VERSION)) {
      SecretSigningKey secret = KeyFile.secretKey(from, lines, null);
      PublicSigningKey key = secret.publicKey();
      files.add(put(key.name().publicFileName(), KeyFile.PUBLIC_VERSION, key.bytes(), "r--r--r--"));
      files.add(
          put(secret.name().secretFileName(), KeyFile.SECRET_VERSION, secret.bytes(), "r--------"));
    } else if (version.equals(KeyFile.PUBLIC_VERSION)) {
      PublicSigningKey key = KeyFile.publicKey(from, lines, null);
      files.add(put(key.name().publicFileName(), KeyFile.PUBLIC_VERSION, key.bytes(), "r--r--r--"));
    } else {
      throw new ArtifactException(
          from
              + ":1: expected '"
              + KeyFile.PUBLIC_VERSION
              + "' or '"
              + KeyFile.SECRET_VERSION
              + "' (an origin signing key), found '"
              + version
              + "'");
    }
    return files;
  }

  private Path put(String fileName, String version, byte[] key, String mode)
      throws ArtifactException {
    Path file = directory.resolve(fileName);
    KeyName name = KeyName.parse(fileName.substring(0, fileName.indexOf('.')));
    String text = KeyFile.format(version, name, key);
    try {
      if (Files.exists(file)) {
        String there = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        if (KeyFile.lines(there).equals(KeyFile.lines(text))) {
          return file;
        }
        throw new ArtifactException(
            file
                + " already holds another key of that name: kiln never replaces a key (remove the"
                + " file first if the new one is meant to take its place)");
      }
      AtomicFiles.write(
          file,
          PosixFilePermissions.fromString(mode),
          false,
          out -> out.write(text.getBytes(StandardCharsets.US_ASCII)));
      return file;
    } catch (IOException e) {
      throw new ArtifactException(IoFailures.message("cannot write " + file, e), e);
    }
  }
}
