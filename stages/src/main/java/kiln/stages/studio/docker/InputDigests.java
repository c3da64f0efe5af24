package kiln.stages.studio.docker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kiln.stages.studio.TreeTar;

/**
 * The sha256 that names a studio input in an engine's input cache: of a file's bytes, or of a
 * directory's tree as {@link TreeTar} packs it (names, modes, mtimes, contents). Each is computed
 * once per process for a path, size and mtime: installed packages and cached sources do not change
 * in place, and a build uses the same ones many times.
 */
final class InputDigests {

  private static final Map<String, String> KNOWN = new ConcurrentHashMap<>();

  private InputDigests() {}

  static String of(Path path) throws IOException {
    String key =
        path.toRealPath()
            + ":"
            + Files.isDirectory(path)
            + ":"
            + Files.size(path)
            + ":"
            + Files.getLastModifiedTime(path);
    String known = KNOWN.get(key);
    if (known != null) {
      return known;
    }
    MessageDigest digest = sha256();
    try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
      if (Files.isDirectory(path)) {
        TreeTar.pack(path, out);
      } else {
        try (InputStream in = Files.newInputStream(path)) {
          in.transferTo(out);
        }
      }
    }
    String sha = HexFormat.of().formatHex(digest.digest());
    KNOWN.put(key, sha);
    return sha;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }
}
