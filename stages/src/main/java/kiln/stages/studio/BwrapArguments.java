package kiln.stages.studio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kiln.world.IoFailures;

/** The bwrap command line for one studio spec, up to (not including) the command. */
final class BwrapArguments {

  /** What a stage1 studio links from /tools/bin into /bin, as Habitat's stage1 studio does. */
  private static final List<String> STAGE1_BIN = List.of("bash", "cat", "echo", "pwd", "stty");

  private final StudioSpec spec;
  private final ToolsCache tools;
  private final List<BindMounts.Bind> binds;
  private final List<String> args = new ArrayList<>();

  /** Symlinks by their path in the studio; the first one named wins. */
  private final Map<String, String> links = new LinkedHashMap<>();

  BwrapArguments(StudioSpec spec, ToolsCache tools, List<BindMounts.Bind> binds) {
    this.spec = spec;
    this.tools = tools;
    this.binds = List.copyOf(binds);
  }

  List<String> arguments() throws StudioException, InterruptedException {
    args.addAll(
        List.of(
            "bwrap",
            "--unshare-all",
            "--die-with-parent",
            "--new-session",
            "--proc",
            "/proc",
            "--dev",
            "/dev",
            "--tmpfs",
            "/tmp",
            "--dir",
            "/root",
            "--dir",
            "/hab/cache/src"));
    if (spec.network()) {
      args.add("--share-net");
      for (String file : List.of("/etc/resolv.conf", "/etc/hosts", "/etc/ssl")) {
        if (Files.exists(Path.of(file))) {
          bind(Path.of(file), file, true);
        }
      }
    }
    if (spec.type() == StudioSpec.StudioType.STAGE1) {
      stage1();
    } else {
      backline();
    }
    for (BindMounts.Bind bind : binds) {
      bind(bind.source(), bind.target(), bind.readOnly());
    }
    links.forEach((target, source) -> args.addAll(List.of("--symlink", source, target)));
    args.addAll(List.of("--chdir", "/"));
    return args;
  }

  private void stage1() throws StudioException, InterruptedException {
    Path toolsDir = tools.toolsOf(spec.toolsTarball().orElseThrow());
    if (!Files.isExecutable(toolsDir.resolve("bin/bash"))) {
      throw new StudioException(
          "the tools tarball "
              + spec.toolsTarball().get()
              + " has no tools/bin/bash: a studio needs bash to run the plan build program;"
              + " add bash to the tools tarball");
    }
    bind(toolsDir, "/tools", true);
    for (String name : STAGE1_BIN) {
      if (Files.exists(toolsDir.resolve("bin").resolve(name))) {
        links.put("/bin/" + name, "/tools/bin/" + name);
      }
    }
    links.put("/bin/sh", "/tools/bin/bash");
    if (Files.exists(toolsDir.resolve("bin/env"))) {
      links.put("/usr/bin/env", "/tools/bin/env");
    }
    // Dynamically linked tools look for their loader and libraries at the usual places.
    for (String library : tools.librariesOf(toolsDir)) {
      if (library.startsWith("ld-")) {
        links.put("/lib64/" + library, "/tools/lib/" + library);
      }
      links.put("/lib/" + library, "/tools/lib/" + library);
    }
  }

  private void backline() throws StudioException {
    boolean bash = false;
    for (Path pkg : spec.backline()) {
      String inStudio = studioPathOf(pkg);
      bind(pkg, inStudio, true);
      Path bin = pkg.resolve("bin");
      if (!Files.isDirectory(bin)) {
        continue;
      }
      try (Stream<Path> entries = Files.list(bin)) {
        for (Path entry : entries.sorted().toList()) {
          String name = entry.getFileName().toString();
          links.putIfAbsent("/bin/" + name, inStudio + "/bin/" + name);
          bash |= name.equals("bash");
        }
      } catch (IOException e) {
        throw new StudioException(IoFailures.message("cannot list backline package " + bin, e), e);
      }
    }
    if (!bash) {
      throw new StudioException(
          "no bash in the studio: none of the backline packages "
              + spec.backline()
              + " has bin/bash; add a package providing bash to --backline");
    }
    links.putIfAbsent("/bin/sh", links.get("/bin/bash"));
    if (links.containsKey("/bin/env")) {
      links.putIfAbsent("/usr/bin/env", links.get("/bin/env"));
    }
  }

  /** A store directory {@code .../hab/pkgs/o/n/v/r} is shown at {@code /hab/pkgs/o/n/v/r}. */
  static String studioPathOf(Path pkg) throws StudioException {
    int count = pkg.getNameCount();
    if (count < 4) {
      throw new StudioException(
          "a backline package must be an installed package directory .../o/n/v/r: " + pkg);
    }
    return "/hab/pkgs/" + pkg.subpath(count - 4, count).toString().replace('\\', '/');
  }

  private void bind(Path source, String target, boolean readOnly) throws StudioException {
    if (!Files.exists(source)) {
      throw new StudioException("cannot mount " + source + " at " + target + ": it does not exist");
    }
    args.addAll(List.of(readOnly ? "--ro-bind" : "--bind", source.toString(), target));
  }
}
