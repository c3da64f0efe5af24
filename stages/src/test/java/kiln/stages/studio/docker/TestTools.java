package kiln.stages.studio.docker;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/**
 * A small tools tarball for tests, made from the host's static busybox and bash (Debian packages
 * busybox-static and bash-static): {@code tools/bin/busybox}, {@code tools/bin/bash} and busybox
 * links for the usual commands. Byte-identical every time, so its studio image is built once.
 */
final class TestTools {

  static final List<String> APPLETS =
      List.of(
          "sh",
          "cat",
          "echo",
          "pwd",
          "stty",
          "ls",
          "sleep",
          "env",
          "test",
          "touch",
          "mkdir",
          "rm",
          "id",
          "stat",
          "readlink",
          "chmod",
          "ps",
          "mount",
          "ifconfig",
          "ip",
          "dd",
          "chown",
          "ln",
          "cp",
          "sed",
          "grep",
          "wc",
          "head",
          "true",
          "false");

  private TestTools() {}

  /** The tarball, made in target/ on first use. */
  static synchronized Path tarball() throws IOException {
    Path tarball = Path.of("target", "test-tools", "busybox-bash.tar.xz").toAbsolutePath();
    if (Files.isRegularFile(tarball)) {
      return tarball;
    }
    Files.createDirectories(tarball.getParent());
    Path partial = tarball.resolveSibling(tarball.getFileName() + ".part");
    try (OutputStream out = Files.newOutputStream(partial);
        XZOutputStream xz = new XZOutputStream(out, new LZMA2Options(1));
        TarArchiveOutputStream tar = new TarArchiveOutputStream(xz)) {
      dir(tar, "tools/");
      dir(tar, "tools/bin/");
      file(tar, "tools/bin/busybox", Path.of("/bin/busybox"));
      file(tar, "tools/bin/bash", Path.of("/bin/bash-static"));
      for (String applet : APPLETS) {
        TarArchiveEntry link = new TarArchiveEntry("tools/bin/" + applet, TarConstants.LF_SYMLINK);
        link.setLinkName("busybox");
        fixed(link);
        tar.putArchiveEntry(link);
        tar.closeArchiveEntry();
      }
    }
    return Files.move(partial, tarball);
  }

  /**
   * A tarball unlike any before (the busybox tarball plus a file with a random name), so its image
   * must be built from nothing: for the cold image-build benchmark.
   */
  static Path variant(Path dir) throws IOException {
    String unique = java.util.UUID.randomUUID().toString();
    Path tarball = dir.resolve("variant-" + unique + ".tar.xz");
    try (OutputStream out = Files.newOutputStream(tarball);
        XZOutputStream xz = new XZOutputStream(out, new LZMA2Options(1));
        TarArchiveOutputStream tar = new TarArchiveOutputStream(xz)) {
      dir(tar, "tools/");
      dir(tar, "tools/bin/");
      file(tar, "tools/bin/busybox", Path.of("/bin/busybox"));
      file(tar, "tools/bin/bash", Path.of("/bin/bash-static"));
      Path marker = Files.writeString(dir.resolve(unique), unique);
      file(tar, "tools/" + unique, marker);
    }
    return tarball;
  }

  private static void dir(TarArchiveOutputStream tar, String name) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name);
    fixed(e);
    tar.putArchiveEntry(e);
    tar.closeArchiveEntry();
  }

  private static void file(TarArchiveOutputStream tar, String name, Path source)
      throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setSize(Files.size(source));
    e.setMode(0100755);
    fixed(e);
    tar.putArchiveEntry(e);
    Files.copy(source, tar);
    tar.closeArchiveEntry();
  }

  private static void fixed(TarArchiveEntry e) {
    e.setUserId(0);
    e.setGroupId(0);
    e.setModTime(0);
  }
}
