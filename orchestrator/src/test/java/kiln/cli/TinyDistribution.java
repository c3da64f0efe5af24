package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * A tiny distribution for tests of the real command: a tools tarball of static busybox and bash, 2
 * base plans (stage1 and stage2) and 5 world plans (stage3: w1 <- w2, w3 <- w4; w5 alone), each
 * world build taking about 2 s.
 */
final class TinyDistribution {

  private TinyDistribution() {}

  /**
   * Writes the tiny distribution into {@code dir}.
   *
   * @param studio the kiln.yaml line choosing the studio, e.g. {@code studio: chroot}
   * @param more more kiln.yaml lines (e.g. {@code hosts:}), or ""
   * @return its kiln.yaml
   */
  static Path write(Path dir, String studio, String more) throws Exception {
    Path bin = Files.createDirectories(dir.resolve("gathered/tools/bin"));
    Files.copy(Path.of("/bin/busybox"), bin.resolve("busybox"));
    Files.copy(Path.of("/bin/bash-static"), bin.resolve("bash"));
    Files.createSymbolicLink(bin.resolve("sh"), Path.of("bash"));
    Process list = new ProcessBuilder("/bin/busybox", "--list").start();
    for (String applet : new String(list.getInputStream().readAllBytes()).split("\n")) {
      if (!applet.isBlank() && !Files.exists(bin.resolve(applet), LinkOption.NOFOLLOW_LINKS)) {
        Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
      }
    }
    exec(dir.resolve("gathered"), "env", "XZ_OPT=-0", "tar", "-cJf", "../tools.tar.xz", "tools");

    plan(dir, "bash", BASE_BASH);
    plan(dir, "busybox", BASE_BUSYBOX);
    Files.writeString(dir.resolve("base-plans.txt"), "plans/bash\nplans/busybox\n");
    // w1 <- w2, w3 <- w4; w5 alone: two builds at once, and dependents that wait.
    world(dir, "w1");
    world(dir, "w2", "crash/w1");
    world(dir, "w3", "crash/w1");
    world(dir, "w4", "crash/w2", "crash/w3");
    world(dir, "w5");
    return Files.writeString(
        dir.resolve("kiln.yaml"),
        String.join(
            "\n",
            "origin: crash",
            "target: x86_64-linux",
            "plans: [plans]",
            "base-plans: base-plans.txt",
            "tools-tarball: tools.tar.xz",
            studio,
            "backline: [crash/bash, crash/busybox]",
            "keys: keys",
            "check: false",
            "jobs: 2",
            "work: .kiln",
            more));
  }

  private static final String BASE_BASH =
      """
      pkg_name=bash
      pkg_origin=crash
      pkg_version=5.2.15
      pkg_source=nothing-to-download
      pkg_bin_dirs=(bin)
      pkg_interpreters=(bin/bash bin/sh)
      if [[ "$STUDIO_TYPE" != "stage1" ]]; then pkg_build_deps=(crash/bash); fi
      do_download() { return 0; }
      do_verify() { return 0; }
      do_unpack() { return 0; }
      do_build() { return 0; }
      do_install() {
        local from=/tools/bin
        if [[ "$STUDIO_TYPE" != "stage1" ]]; then from="$(pkg_path_for crash/bash)/bin"; fi
        mkdir -p "$pkg_prefix/bin"
        cp "$from/bash" "$pkg_prefix/bin/bash"
        ln -s bash "$pkg_prefix/bin/sh"
      }
      do_strip() { return 0; }
      """;

  private static final String BASE_BUSYBOX =
      """
      pkg_name=busybox
      pkg_origin=crash
      pkg_version=1.35.0
      pkg_source=nothing-to-download
      pkg_bin_dirs=(bin)
      if [[ "$STUDIO_TYPE" != "stage1" ]]; then pkg_build_deps=(crash/busybox); fi
      do_download() { return 0; }
      do_verify() { return 0; }
      do_unpack() { return 0; }
      do_build() { return 0; }
      do_install() {
        local from=/tools/bin/busybox applet
        if [[ "$STUDIO_TYPE" != "stage1" ]]; then from="$(pkg_path_for crash/busybox)/bin/busybox"; fi
        mkdir -p "$pkg_prefix/bin"
        cp "$from" "$pkg_prefix/bin/busybox"
        for applet in $("$pkg_prefix/bin/busybox" --list); do
          case "$applet" in sh | bash | busybox) continue ;; esac
          ln -s busybox "$pkg_prefix/bin/$applet"
        done
      }
      do_strip() { return 0; }
      """;

  private static void world(Path dir, String name, String... deps) throws IOException {
    plan(
        dir,
        name,
        "pkg_name="
            + name
            + "\npkg_origin=crash\npkg_version=1.0\npkg_source=nothing-to-download\n"
            + "pkg_deps=("
            + String.join(" ", deps)
            + ")\n"
            + "do_download() { return 0; }\ndo_verify() { return 0; }\n"
            + "do_unpack() { return 0; }\n"
            + "do_build() { sleep 2; }\n" // a build long enough for kills to land in it
            + "do_install() {\n  mkdir -p \"$pkg_prefix/share\"\n"
            + "  echo "
            + name
            + " >\"$pkg_prefix/share/"
            + name
            + ".txt\"\n}\n");
  }

  private static void plan(Path dir, String name, String text) throws IOException {
    Path plan = Files.createDirectories(dir.resolve("plans").resolve(name));
    Files.writeString(plan.resolve("plan.sh"), text);
  }

  static void exec(Path in, String... command) throws Exception {
    Process p =
        new ProcessBuilder(command).directory(in.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), out);
  }
}
