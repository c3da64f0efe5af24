package kiln.stages.artifact;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import kiln.world.IoFailures;
import kiln.world.PackageIdent;

/**
 * The FILES metadata file: a signed HART-1 document whose payload lists every regular file of the
 * package as {@code <blake2b-256 hex> <absolute path>}, one per line, sorted by path. FILES and
 * MANIFEST themselves are never listed (Habitat writes FILES before MANIFEST).
 */
public final class FilesMetadata {

  private static final Set<String> UNLISTED = Set.of("FILES", "MANIFEST");

  private FilesMetadata() {}

  /**
   * Writes {@code FILES} into the package prefix below {@code stagingRoot}. Call it after the
   * plan's install and the other metadata files, before MANIFEST and packing.
   *
   * @return the FILES path
   */
  public static Path write(Path stagingRoot, PackageIdent ident, SecretSigningKey key)
      throws ArtifactException {
    Path prefix = Packages.prefix(stagingRoot, ident);
    Path files = prefix.resolve("FILES");
    try {
      byte[] payload = listing(prefix, ident).getBytes(StandardCharsets.UTF_8);
      byte[] header = HartHeader.sign(key, Blake2b.hexOf(payload)).toBytes();
      AtomicFiles.write(
          files,
          PosixFilePermissions.fromString("rw-r--r--"),
          true,
          out -> {
            out.write(header);
            out.write(payload);
          });
      return files;
    } catch (IOException e) {
      throw new ArtifactException(IoFailures.message("cannot write " + files, e), e);
    }
  }

  /** The payload text: one {@code hex /hab/pkgs/...} line per regular file, sorted by path. */
  static String listing(Path prefix, PackageIdent ident) throws IOException {
    String absolute = Packages.absolutePrefix(ident);
    List<String[]> entries = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(prefix)) {
      for (Path file : (Iterable<Path>) walk::iterator) {
        String relative = prefix.relativize(file).toString();
        if (Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)
            && !UNLISTED.contains(relative)) {
          entries.add(new String[] {absolute + "/" + relative, Blake2b.hexOf(file)});
        }
      }
    }
    entries.sort((a, b) -> a[0].compareTo(b[0]));
    StringBuilder text = new StringBuilder();
    for (String[] entry : entries) {
      text.append(entry[1]).append("  ").append(entry[0]).append('\n');
    }
    return text.toString();
  }
}
