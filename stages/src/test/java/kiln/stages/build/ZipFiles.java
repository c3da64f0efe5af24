package kiln.stages.build;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes one-file zip archives for the unpack tests (the host may have no zip tool). */
final class ZipFiles {
  private ZipFiles() {}

  static void write(Path zip, String name, String text) throws IOException {
    try (OutputStream file = Files.newOutputStream(zip);
        ZipOutputStream out = new ZipOutputStream(file)) {
      out.putNextEntry(new ZipEntry(name.substring(0, name.indexOf('/') + 1)));
      out.closeEntry();
      out.putNextEntry(new ZipEntry(name));
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
  }
}
