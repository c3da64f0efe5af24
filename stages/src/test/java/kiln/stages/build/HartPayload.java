package kiln.stages.build;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/** A built artifact's payload as tests inspect it: entries by path, with content and mode. */
final class HartPayload {

  record Entry(String name, int mode, boolean directory, String linkTarget, byte[] content) {
    String text() {
      return new String(content, StandardCharsets.UTF_8);
    }
  }

  private final Map<String, Entry> entries = new TreeMap<>();
  private final String prefix;

  private HartPayload(String prefix) {
    this.prefix = prefix;
  }

  /** Reads a hart whose package has this ident ({@code o/n/v/r}). */
  static HartPayload read(Path hart, String ident) throws IOException {
    HartPayload payload = new HartPayload("hab/pkgs/" + ident + "/");
    try (InputStream in = new BufferedInputStream(Files.newInputStream(hart))) {
      for (int lines = 0; lines < 5; ) {
        int b = in.read();
        if (b < 0) {
          throw new IOException("not a hart: " + hart);
        }
        lines += b == '\n' ? 1 : 0;
      }
      try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(in))) {
        for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
          String name = e.getName().replaceAll("/$", "");
          payload.entries.put(
              name,
              new Entry(name, e.getMode(), e.isDirectory(), e.getLinkName(), tar.readAllBytes()));
        }
      }
    }
    return payload;
  }

  /** The entry at a path inside the package prefix, or null. */
  Entry file(String relative) {
    return entries.get(prefix + relative);
  }

  /** The text of a file inside the package prefix, or null when there is none. */
  String text(String relative) {
    Entry entry = file(relative);
    return entry == null ? null : entry.text();
  }

  boolean has(String relative) {
    return file(relative) != null;
  }

  Map<String, Entry> entries() {
    return entries;
  }
}
