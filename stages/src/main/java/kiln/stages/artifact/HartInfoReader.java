package kiln.stages.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kiln.world.IoFailures;
import kiln.world.PackageIdent;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.tukaani.xz.XZInputStream;

/** Reads the metadata files of an artifact's payload in one pass over the tar. */
final class HartInfoReader {

  private static final Set<String> METADATA =
      Set.of("IDENT", "TARGET", "DEPS", "TDEPS", "BUILD_DEPS", "BUILD_TDEPS");

  private HartInfoReader() {}

  static HartInfo read(Hart hart) throws ArtifactException {
    Map<String, String> metadata = new HashMap<>();
    long unpacked = 0;
    int files = 0;
    try (InputStream payload = hart.openPayload();
        TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(payload))) {
      for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
        if (!isRegularFile(entry)) {
          continue;
        }
        files++;
        unpacked += entry.getSize();
        String[] parts = entry.getName().split("/");
        if (parts.length == 7 && METADATA.contains(parts[6]) && entry.getSize() < 1 << 20) {
          metadata.put(parts[6], new String(tar.readAllBytes(), StandardCharsets.UTF_8).strip());
        }
      }
      return info(hart, metadata, unpacked, files);
    } catch (IOException e) {
      throw new ArtifactException(
          IoFailures.message(hart.file() + ": cannot read the payload", e), e);
    }
  }

  /** Commons Compress calls devices and fifos files too; only these type flags are files. */
  private static boolean isRegularFile(TarArchiveEntry entry) {
    byte type = entry.getLinkFlag();
    return !entry.isDirectory()
        && (type == TarConstants.LF_NORMAL
            || type == TarConstants.LF_OLDNORM
            || type == TarConstants.LF_CONTIG);
  }

  private static HartInfo info(Hart hart, Map<String, String> metadata, long unpacked, int files)
      throws ArtifactException, IOException {
    String where = hart.file().toString();
    if (!metadata.containsKey("IDENT")) {
      throw new ArtifactException(where + ": the payload has no IDENT file: not a package");
    }
    if (!metadata.containsKey("TARGET")) {
      throw new ArtifactException(where + ": the payload has no TARGET file");
    }
    long size = Files.size(hart.file());
    try {
      return new HartInfo(
          hart.file(),
          PackageIdent.parse(metadata.get("IDENT")),
          metadata.get("TARGET"),
          idents(metadata.get("DEPS")),
          idents(metadata.get("TDEPS")),
          idents(metadata.get("BUILD_DEPS")),
          idents(metadata.get("BUILD_TDEPS")),
          hart.header().signer(),
          size,
          size - hart.payloadOffset(),
          unpacked,
          files);
    } catch (IllegalArgumentException e) {
      throw new ArtifactException(where + ": bad metadata: " + e.getMessage(), e);
    }
  }

  private static List<PackageIdent> idents(String text) {
    List<PackageIdent> idents = new ArrayList<>();
    if (text != null) {
      text.lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty())
          .map(PackageIdent::parse)
          .forEach(idents::add);
    }
    return idents;
  }
}
