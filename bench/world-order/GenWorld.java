import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Writes a synthetic plan world shaped like core-plans: a deep toolchain core that almost every
 * plan needs, libraries that depend on the core and on each other, and a long tail of
 * applications. Each plan.sh is real-sized (40-80 lines: settings, multi-line arrays, a stage1
 * conditional, callbacks); some source a sibling and override it, some use scaffolding.
 *
 * <p>Usage: java GenWorld.java DIR PLANS [SEED]. Also writes DIR/base-plans.txt (the core).
 */
public class GenWorld {

  static final int CORE = 40;

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    Random random = new Random(args.length > 2 ? Long.parseLong(args[2]) : 42);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      names.add(i < CORE ? "core" + i : (i % 7 == 0 ? "lib" : i % 3 == 0 ? "py-" : "app") + i);
    }
    StringBuilder base = new StringBuilder("# the toolchain core, in build order\n");
    for (int i = 0; i < n; i++) {
      Path planDir = dir.resolve(names.get(i));
      Files.createDirectories(planDir);
      boolean variant = i > CORE + 10 && random.nextInt(20) == 0;
      String text = variant ? variant(names, i, random) : plan(names, i, random);
      Files.writeString(planDir.resolve("plan.sh"), text);
      if (i < CORE) {
        base.append(names.get(i)).append(i == 5 ? " FIRST_PASS=true\n" : "\n");
      }
    }
    Files.writeString(dir.resolve("base-plans.txt"), base);
  }

  /** Dependencies: the core chain for core plans; for others the core plus earlier plans. */
  static Set<String> deps(List<String> names, int i, Random random, int count) {
    Set<String> deps = new LinkedHashSet<>();
    if (i == 0) {
      return deps;
    }
    if (i < CORE) {
      deps.add(names.get(i - 1));
      if (i > 2) {
        deps.add(names.get(random.nextInt(i - 1)));
      }
      return deps;
    }
    deps.add(names.get(1)); // the C library: everything needs it
    for (int k = 0; k < count; k++) {
      double r = random.nextDouble();
      int j = r < 0.4 ? random.nextInt(CORE) : r < 0.8 ? i - 1 - random.nextInt(Math.min(i - CORE, 200) + 1) : random.nextInt(i);
      deps.add(names.get(j));
    }
    return deps;
  }

  static String plan(List<String> names, int i, Random random) {
    String name = names.get(i);
    Set<String> run = deps(names, i, random, 1 + random.nextInt(5));
    Set<String> build = new LinkedHashSet<>();
    if (i >= CORE) {
      build.add(names.get(CORE - 1)); // the compiler
      build.add(names.get(CORE - 2)); // make
      for (int k = random.nextInt(3); k > 0; k--) {
        build.add(names.get(random.nextInt(i)));
      }
    } else if (i > 3) {
      build.add(names.get(i - 2));
    }
    StringBuilder s = new StringBuilder();
    s.append("pkg_name=").append(name).append('\n');
    s.append("pkg_origin=core\n");
    s.append("pkg_version=").append(1 + i % 9).append('.').append(i % 13).append(".0\n");
    s.append("pkg_maintainer=\"The Bench Maintainers <bench@example.org>\"\n");
    s.append("pkg_description=\"").append(name).append(": a package of the benchmark world, ")
        .append("with a description long enough to look real.\"\n");
    s.append("pkg_upstream_url=\"https://example.org/${pkg_name}\"\n");
    s.append("pkg_license=('Apache-2.0' 'MIT')\n");
    s.append("pkg_source=\"https://example.org/${pkg_name}/${pkg_name}-${pkg_version}.tar.gz\"\n");
    s.append("pkg_shasum=").append(String.format("%064x", (long) i * 2654435761L)).append('\n');
    s.append("pkg_dirname=\"${pkg_name}-${pkg_version}\"\n");
    array(s, "pkg_deps", run);
    array(s, "pkg_build_deps", build);
    if (i >= CORE && random.nextInt(10) == 0) {
      s.append("if [[ \"$STUDIO_TYPE\" = \"stage1\" ]]; then\n");
      s.append("  pkg_build_deps+=(core/").append(names.get(2)).append(")\n");
      s.append("else\n  pkg_build_deps+=(core/").append(names.get(3)).append(")\nfi\n");
    }
    if (i >= CORE && random.nextInt(25) == 0) {
      s.append("pkg_scaffolding=core/").append(names.get(CORE - 3)).append('\n');
    }
    s.append("pkg_bin_dirs=(bin)\npkg_lib_dirs=(lib)\npkg_include_dirs=(include)\n");
    s.append("pkg_pconfig_dirs=(lib/pkgconfig)\n\n");
    callbacks(s, random.nextInt(4));
    return s.toString();
  }

  static String variant(List<String> names, int i, Random random) {
    String of = names.get(i - 1);
    return "# A variant of " + of + ": same source, more features.\n"
        + "source \"$(dirname \"${BASH_SOURCE[0]}\")/../" + of + "/plan.sh\"\n\n"
        + "pkg_name=" + names.get(i) + "\n"
        + "pkg_description=\"" + of + " with everything enabled\"\n"
        + "pkg_deps+=(\n  core/" + names.get(random.nextInt(CORE)) + "\n)\n\n"
        + "do_build() {\n  ./configure --prefix=\"$pkg_prefix\" --enable-everything\n  make\n}\n";
  }

  static void array(StringBuilder s, String name, Set<String> deps) {
    s.append(name).append("=(\n");
    for (String d : deps) {
      s.append("  core/").append(d).append('\n');
    }
    s.append(")\n");
  }

  static void callbacks(StringBuilder s, int extra) {
    s.append("do_prepare() {\n");
    s.append("  # Point the build at our own tools, not the ones on the host.\n");
    s.append("  if [[ ! -r /usr/bin/env ]]; then\n");
    s.append("    ln -sv \"$(pkg_path_for coreutils)/bin/env\" /usr/bin/env\n");
    s.append("    _clean_env=true\n  fi\n");
    s.append("  export CFLAGS=\"${CFLAGS} -O2 -fstack-protector-strong\"\n}\n\n");
    s.append("do_build() {\n");
    s.append("  ./configure \\\n    --prefix=\"$pkg_prefix\" \\\n    --sysconfdir=\"$pkg_svc_config_path\" \\\n");
    s.append("    --enable-shared \\\n    --disable-static\n");
    s.append("  make -j\"$(nproc)\"\n}\n\n");
    s.append("do_check() {\n  make check\n}\n\n");
    s.append("do_install() {\n  make install\n");
    s.append("  for f in \"$pkg_prefix\"/bin/*; do\n    [[ -f \"$f\" ]] && fix_interpreter \"$f\" core/coreutils bin/env\n  done\n}\n");
    for (int k = 0; k < extra; k++) {
      s.append("\n_helper_").append(k).append("() {\n  local dir=\"$1\"\n");
      s.append("  find \"$dir\" -name '*.la' -delete\n  sed -i 's|/usr/local|'\"$pkg_prefix\"'|g' \"$dir\"/*.pc\n}\n");
    }
    s.append("\ndo_end() {\n  if [[ -n \"${_clean_env:-}\" ]]; then\n    rm -fv /usr/bin/env\n  fi\n}\n");
  }
}
