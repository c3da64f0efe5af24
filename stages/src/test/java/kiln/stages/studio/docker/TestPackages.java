package kiln.stages.studio.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Installed packages for default-studio tests, made from the host's static busybox and bash. */
final class TestPackages {
  private TestPackages() {}

  /**
   * Installs {@code ident} (o/n/v/r) under {@code store}: "busybox" gets bin/busybox and applet
   * links, "bash" gets bin/bash, anything else only an IDENT file.
   */
  static Path install(Path store, String ident, String kind) throws IOException {
    Path dir = Files.createDirectories(store.resolve(ident));
    Files.writeString(dir.resolve("IDENT"), ident + "\n");
    Path bin = dir.resolve("bin");
    switch (kind) {
      case "busybox" -> {
        Files.createDirectories(bin);
        Files.copy(Path.of("/bin/busybox"), bin.resolve("busybox"));
        for (String applet : TestTools.APPLETS) {
          Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
        }
      }
      case "bash" -> {
        Files.createDirectories(bin);
        Files.copy(Path.of("/bin/bash-static"), bin.resolve("bash"));
      }
      default -> {}
    }
    return dir;
  }
}
