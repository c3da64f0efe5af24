package kiln.stages.compare;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import kiln.stages.artifact.ArtifactException;
import kiln.stages.artifact.Hart;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/** Reads an artifact's payload into its entries, named by their path inside the package. */
final class PayloadReader {

  private PayloadReader() {}

  /**
   * The payload's entries by path below the package's own folder ({@code hab/pkgs/o/n/v/r/}),
   * contents and names rewritten by {@code map} first.
   */
  static Map<String, PayloadEntry> entries(Path artifact, ReleaseMap map) throws ArtifactException {
    Map<String, PayloadEntry> entries = new TreeMap<>();
    read(
        artifact,
        (name, entry, bytes) -> {
          String path = map.apply(name);
          if (entry.isSymbolicLink()) {
            entries.put(
                path,
                new PayloadEntry(
                    PayloadEntry.Kind.LINK, entry.getMode(), map.apply(entry.getLinkName())));
          } else if (entry.isDirectory()) {
            entries.put(path, new PayloadEntry(PayloadEntry.Kind.DIRECTORY, entry.getMode(), ""));
          } else {
            entries.put(
                path,
                new PayloadEntry(
                    PayloadEntry.Kind.FILE, entry.getMode(), sha256(map.apply(bytes))));
          }
        });
    return entries;
  }

  /**
   * The bytes of the wanted files, rewritten by {@code map}, in one read of the payload (for a
   * report of how two files differ).
   */
  static Map<String, byte[]> files(Path artifact, ReleaseMap map, java.util.Set<String> wanted)
      throws ArtifactException {
    Map<String, byte[]> found = new TreeMap<>();
    read(
        artifact,
        (name, entry, bytes) -> {
          String path = map.apply(name);
          if (bytes != null && wanted.contains(path)) {
            found.put(path, map.apply(bytes));
          }
        });
    for (String path : wanted) {
      if (!found.containsKey(path)) {
        throw new ArtifactException(artifact + ": no file " + path + " in the payload");
      }
    }
    return found;
  }

  /** What is done with each entry: its path below the package folder, the entry, a file's bytes. */
  private interface Visitor {
    void visit(String name, TarArchiveEntry entry, byte[] bytes) throws IOException;
  }

  private static void read(Path artifact, Visitor visitor) throws ArtifactException {
    Hart hart = Hart.open(artifact);
    try (InputStream payload = hart.openPayload();
        TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(payload))) {
      for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
        String[] parts = entry.getName().split("/", 7);
        if (parts.length < 7 || parts[6].isEmpty()) {
          continue; // hab/pkgs/o/n/v/r itself and the folders above it
        }
        boolean file = !entry.isDirectory() && !entry.isSymbolicLink() && !entry.isLink();
        visitor.visit(stripSlash(parts[6]), entry, file ? tar.readAllBytes() : null);
      }
    } catch (IOException e) {
      throw new ArtifactException(artifact + ": cannot read the payload: " + e.getMessage(), e);
    }
  }

  private static String stripSlash(String name) {
    return name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
