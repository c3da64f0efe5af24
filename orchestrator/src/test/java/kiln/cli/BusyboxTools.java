package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The smallest tools tarball a plan builds with: the host's static busybox with every applet
 * linked, and a static bash (Debian's busybox-static and bash-static, which bin/setup installs).
 */
final class BusyboxTools {

  private BusyboxTools() {}

  /**
   * Gathers the tools under {@code dir/gathered/tools} and packs them as {@code dir/tools.tar.xz}.
   */
  static Path tarball(Path dir) throws Exception {
    Path bin = Files.createDirectories(dir.resolve("gathered/tools/bin"));
    Files.copy(Path.of("/bin/busybox"), bin.resolve("busybox"));
    Files.copy(Path.of("/bin/bash-static"), bin.resolve("bash"));
    Process list = new ProcessBuilder("/bin/busybox", "--list").start();
    for (String applet : new String(list.getInputStream().readAllBytes()).split("\n")) {
      if (!applet.isBlank() && !Files.exists(bin.resolve(applet))) {
        Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
      }
    }
    Path tarball = dir.resolve("tools.tar.xz");
    // xz -0: the tests need a valid tarball quickly, not a small one.
    Process tar =
        new ProcessBuilder("env", "XZ_OPT=-0", "tar", "-cJf", tarball.toString(), "tools")
            .directory(dir.resolve("gathered").toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(tar.getInputStream().readAllBytes());
    assertEquals(0, tar.waitFor(), out);
    return tarball;
  }
}
