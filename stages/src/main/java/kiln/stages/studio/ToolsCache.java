package kiln.stages.studio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import kiln.toolchain.ArchiveRoot;
import kiln.toolchain.SafeExtractor;
import kiln.toolchain.TarballException;
import kiln.world.IoFailures;

/**
 * Tools tarballs unpacked once each, keyed by the tarball's sha256, so a stage1 studio only mounts
 * a directory: setting one up costs the same for the first plan and the thousandth.
 */
final class ToolsCache {

  private final Path root;
  private final Map<String, String> digests = new ConcurrentHashMap<>();
  private final Map<Path, List<String>> libraries = new ConcurrentHashMap<>();

  ToolsCache(Path root) {
    this.root = root;
  }

  /** The unpacked {@code tools/} directory of a tarball, unpacking it on first use. */
  Path toolsOf(Path tarball) throws StudioException {
    if (!Files.isRegularFile(tarball)) {
      throw new StudioException("tools tarball not found: " + tarball);
    }
    Path unpacked = root.resolve(sha256(tarball));
    if (!Files.isDirectory(unpacked)) {
      unpack(tarball, unpacked);
    }
    Path tools = unpacked.resolve("tools");
    if (!Files.isDirectory(tools)) {
      throw new StudioException(
          "tools tarball " + tarball + " has no tools/ directory at its top: rebuild it");
    }
    return tools;
  }

  /** Shared libraries and loaders directly in {@code tools/lib}, remembered per tools dir. */
  List<String> librariesOf(Path tools) throws StudioException {
    try {
      return libraries.computeIfAbsent(tools, ToolsCache::listLibraries);
    } catch (UncheckedIOException e) {
      throw new StudioException(IoFailures.message("cannot list " + tools.resolve("lib"), e), e);
    }
  }

  private static List<String> listLibraries(Path tools) {
    Path lib = tools.resolve("lib");
    if (!Files.isDirectory(lib)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(lib)) {
      return entries
          .filter(p -> !Files.isDirectory(p))
          .map(p -> p.getFileName().toString())
          .filter(name -> name.contains(".so"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void unpack(Path tarball, Path unpacked) throws StudioException {
    Path partial = null;
    try {
      Files.createDirectories(root);
      partial = Files.createTempDirectory(root, ".unpacking-");
      new SafeExtractor(ArchiveRoot.TOOLS).extractXz(tarball, partial.resolve("tools"));
      Files.move(partial, unpacked, StandardCopyOption.ATOMIC_MOVE);
      partial = null;
    } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
      // Another build unpacked the same tarball first: use theirs.
    } catch (TarballException e) {
      throw new StudioException(
          "cannot unpack tools tarball " + tarball + ": " + e.getMessage(), e);
    } catch (IOException e) {
      if (!Files.isDirectory(unpacked)) {
        throw new StudioException(
            IoFailures.message("cannot unpack tools tarball " + tarball, e), e);
      }
    } finally {
      if (partial != null) {
        Trees.deleteQuietly(partial);
      }
    }
  }

  private String sha256(Path file) throws StudioException {
    try {
      String key =
          file.toRealPath() + ":" + Files.size(file) + ":" + Files.getLastModifiedTime(file);
      String known = digests.get(key);
      if (known != null) {
        return known;
      }
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      try (InputStream in = Files.newInputStream(file)) {
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; ) {
          digest.update(buffer, 0, n);
        }
      }
      String hex = HexFormat.of().formatHex(digest.digest());
      digests.put(key, hex);
      return hex;
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new StudioException(IoFailures.message("cannot read tools tarball " + file, e), e);
    }
  }
}
