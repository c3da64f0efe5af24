package kiln.stages.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeTarTest {

  @TempDir Path temp;

  @Test
  void aTreeComesBackWithItsFilesModesLinksAndReadOnlyDirectories() throws Exception {
    Path tree = Files.createDirectories(temp.resolve("tree/hab/pkgs/o/n/1/2/bin"));
    Files.writeString(tree.resolve("tool"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(
        tree.resolve("tool"), PosixFilePermissions.fromString("rwxr-x---"));
    Files.createSymbolicLink(tree.resolve("alias"), Path.of("tool"));
    Files.createDirectories(temp.resolve("tree/empty"));
    Files.writeString(temp.resolve("tree/pkg.env"), "pkg_name=n\n");
    Files.setPosixFilePermissions(tree, PosixFilePermissions.fromString("r-xr-xr-x"));

    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    TreeTar.pack(temp.resolve("tree"), tar);
    Path copy = temp.resolve("copy");
    TreeTar.unpack(new ByteArrayInputStream(tar.toByteArray()), copy);

    Path bin = copy.resolve("hab/pkgs/o/n/1/2/bin");
    assertEquals("#!/bin/sh\n", Files.readString(bin.resolve("tool")));
    assertEquals(
        "rwxr-x---",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(bin.resolve("tool"))));
    assertEquals(Path.of("tool"), Files.readSymbolicLink(bin.resolve("alias")));
    assertEquals("r-xr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(bin)));
    assertTrue(Files.isDirectory(copy.resolve("empty")));
    assertEquals("pkg_name=n\n", Files.readString(copy.resolve("pkg.env")));
    Files.setPosixFilePermissions(tree, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @Test
  void anEntryThatClimbsOutIsRefusedAndNothingIsWrittenOutside() throws Exception {
    byte[] tar = tarOf(file("../escaped", "x"));
    IOException e =
        assertThrows(
            IOException.class,
            () -> TreeTar.unpack(new ByteArrayInputStream(tar), temp.resolve("out")));
    assertTrue(e.getMessage().contains("../escaped"), e.getMessage());
    assertFalse(Files.exists(temp.resolve("escaped")));
  }

  @Test
  void anEntryUnderASymbolicLinkIsRefused() throws Exception {
    TarArchiveEntry link = new TarArchiveEntry("lib", TarConstants.LF_SYMLINK);
    link.setLinkName(temp.toString());
    byte[] tar = tarOf(link, file("lib/planted", "x"));
    IOException e =
        assertThrows(
            IOException.class,
            () -> TreeTar.unpack(new ByteArrayInputStream(tar), temp.resolve("out")));
    assertTrue(e.getMessage().contains("lib/planted"), e.getMessage());
    assertFalse(Files.exists(temp.resolve("planted")));
  }

  private static TarArchiveEntry file(String name, String content) {
    TarArchiveEntry entry = new TarArchiveEntry(name, true);
    entry.setSize(content.length());
    return entry;
  }

  /** A tar of the entries; each file's content is 'x' repeated to its size. */
  private static byte[] tarOf(TarArchiveEntry... entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      for (TarArchiveEntry entry : entries) {
        tar.putArchiveEntry(entry);
        for (long i = 0; i < entry.getSize(); i++) {
          tar.write('x');
        }
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }
}
