package kiln.stages.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kiln.world.IoFailures;
import kiln.world.PackageIdent;

/**
 * What the first studio pass learnt by sourcing the plan: its ident parts, its source and its
 * dependencies, as the plan sets them in that studio (STUDIO_TYPE and all).
 *
 * @param origin pkg_origin (or HAB_ORIGIN)
 * @param name pkg_name
 * @param version pkg_version
 * @param source pkg_source
 * @param filename pkg_filename, defaulting to the last part of pkg_source
 * @param shasum pkg_shasum, empty when the plan sets none
 * @param ownDownload whether the plan overrides do_download (with a remote pkg_source it gets the
 *     network: {@link NetworkPolicy})
 * @param deps pkg_deps as written
 * @param buildDeps pkg_build_deps as written
 */
record PlanFacts(
    String origin,
    String name,
    String version,
    String source,
    String filename,
    String shasum,
    boolean ownDownload,
    List<PackageIdent> deps,
    List<PackageIdent> buildDeps) {

  PlanFacts {
    deps = List.copyOf(deps);
    buildDeps = List.copyOf(buildDeps);
  }

  /** origin/name of the plan, for messages. */
  String shortIdent() {
    return origin + "/" + name;
  }

  /** Reads the facts file the program writes: {@code key TAB value} lines. */
  static PlanFacts read(Path file, Path plan) throws BuildException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new BuildException(
          IoFailures.message("the plan build program wrote no facts for " + plan, e), null, e);
    }
    List<PackageIdent> deps = new ArrayList<>();
    List<PackageIdent> buildDeps = new ArrayList<>();
    String[] values = new String[7];
    List<String> keys =
        List.of("origin", "name", "version", "source", "filename", "shasum", "download");
    for (String line : lines) {
      int tab = line.indexOf('\t');
      String key = tab < 0 ? line : line.substring(0, tab);
      String value = tab < 0 ? "" : line.substring(tab + 1);
      switch (key) {
        case "dep" -> deps.add(dependency(value, plan));
        case "build_dep" -> buildDeps.add(dependency(value, plan));
        default -> {
          if (keys.contains(key)) {
            values[keys.indexOf(key)] = value;
          }
        }
      }
    }
    return new PlanFacts(
        values[0],
        values[1],
        values[2],
        values[3],
        values[4],
        Optional.ofNullable(values[5]).orElse(""),
        "plan".equals(values[6]),
        deps,
        buildDeps);
  }

  private static PackageIdent dependency(String text, Path plan) throws BuildException {
    try {
      return PackageIdent.parse(text);
    } catch (IllegalArgumentException e) {
      throw new BuildException(plan + ": bad dependency: " + e.getMessage(), null, e);
    }
  }
}
