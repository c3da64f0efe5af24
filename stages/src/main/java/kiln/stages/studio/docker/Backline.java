package kiln.stages.studio.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kiln.stages.studio.StudioException;
import kiln.world.IoFailures;

/**
 * The backline of a default studio: installed package directories on the host, shown read-only at
 * their {@code /hab/pkgs/ORIGIN/NAME/VERSION/RELEASE} paths, with their programs linked into {@code
 * /bin} (the first package providing a name wins).
 *
 * @param mounts in-studio package path to host directory
 * @param bin program name to its in-studio path
 */
record Backline(Map<String, Path> mounts, Map<String, String> bin) {

  /** A stage1 studio's: its /bin comes from the tools. */
  static final Backline NONE = new Backline(Map.of(), Map.of());

  static Backline of(List<Path> packages) throws StudioException {
    Map<String, Path> mounts = new LinkedHashMap<>();
    Map<String, String> bin = new LinkedHashMap<>();
    for (Path dir : packages) {
      String prefix = studioPrefix(dir);
      mounts.put(prefix, dir);
      for (String binDir : binDirs(dir, prefix)) {
        for (String name : programs(dir.resolve(binDir.substring(prefix.length() + 1)))) {
          bin.putIfAbsent(name, binDir + "/" + name);
        }
      }
    }
    if (!bin.containsKey("bash")) {
      throw new StudioException(
          "no bash in the studio: none of the backline packages "
              + packages
              + " has bin/bash; add a package providing bash to --backline");
    }
    bin.putIfAbsent("sh", bin.get("bash"));
    return new Backline(mounts, bin);
  }

  /** {@code /hab/pkgs/o/n/v/r} from the last four parts of an installed package's directory. */
  static String studioPrefix(Path dir) throws StudioException {
    Path abs = dir.toAbsolutePath().normalize();
    if (abs.getNameCount() < 4 || !Files.isDirectory(abs)) {
      throw new StudioException(
          "backline package "
              + dir
              + " is not an installed package directory (expected .../ORIGIN/NAME/VERSION/RELEASE)");
    }
    return "/hab/pkgs/" + abs.subpath(abs.getNameCount() - 4, abs.getNameCount());
  }

  /** The package's PATH metadata when it has one, else its bin directory if there is one. */
  private static List<String> binDirs(Path dir, String prefix) throws StudioException {
    Path pathFile = dir.resolve("PATH");
    try {
      if (Files.isRegularFile(pathFile)) {
        List<String> dirs = new ArrayList<>();
        for (String entry : Files.readString(pathFile).strip().split(":")) {
          if (entry.startsWith(prefix + "/")) {
            dirs.add(entry);
          }
        }
        return dirs;
      }
    } catch (IOException e) {
      throw new StudioException(IoFailures.message("cannot read " + pathFile, e), e);
    }
    return Files.isDirectory(dir.resolve("bin")) ? List.of(prefix + "/bin") : List.of();
  }

  private static List<String> programs(Path binDir) throws StudioException {
    if (!Files.isDirectory(binDir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(binDir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new StudioException(IoFailures.message("cannot list " + binDir, e), e);
    }
  }

  /** Writes the /bin links into an empty host directory, to be mounted read-only at /bin. */
  void writeLinks(Path dir) throws StudioException {
    try {
      for (Map.Entry<String, String> e : bin.entrySet()) {
        Files.createSymbolicLink(dir.resolve(e.getKey()), Path.of(e.getValue()));
      }
    } catch (IOException e) {
      throw new StudioException(IoFailures.message("cannot link the backline into " + dir, e), e);
    }
  }
}
