package kiln.world;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Finds the plan files of a world: plan.sh paths as given (one per line on stdin, as {@code find .
 * -name plan.sh} prints them), or directories searched for them; then keeps, per plan directory,
 * the plan for one target. A plan in a directory named after a target ({@code
 * x86_64-linux-kernel2/plan.sh}, {@code habitat/aarch64-linux/plan.sh}) belongs to that target only
 * and wins over the directory's plain plan.sh for it.
 */
public final class PlanDiscovery {

  /** The targets Habitat knows; a directory of one of these names holds that target's plan. */
  public static final List<String> TARGETS =
      List.of(
          "x86_64-linux",
          "x86_64-linux-kernel2",
          "x86_64-windows",
          "x86_64-darwin",
          "aarch64-linux",
          "aarch64-darwin",
          "aarch64-windows");

  private static final Set<String> TARGET_SET = Set.copyOf(TARGETS);

  private PlanDiscovery() {}

  /**
   * Every plan file under the given paths: a file is taken as it is, a directory is searched
   * (hidden directories skipped) for files named plan.sh. Results keep the paths as given.
   *
   * @throws IOException when a path does not exist or cannot be searched
   */
  public static List<String> expand(List<String> paths) throws IOException {
    List<String> out = new ArrayList<>();
    for (String text : paths) {
      Path path = Path.of(text);
      if (Files.isDirectory(path)) {
        out.addAll(search(path));
      } else if (Files.isRegularFile(path)) {
        out.add(text);
      } else {
        throw new IOException("no such plan file or directory: " + text);
      }
    }
    return out;
  }

  private static List<String> search(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(
              p -> p.getFileName() != null && p.getFileName().toString().equals("plan.sh"))
          .filter(p -> !hidden(dir.relativize(p)))
          .filter(Files::isRegularFile)
          .map(Path::toString)
          .sorted()
          .toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".") && !part.toString().equals(".")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The plan files that build for {@code target}: every plain plan.sh ({@code x/plan.sh} and {@code
   * x/habitat/plan.sh} are two plans, both kept: only the duplicate-ident rule of {@link PlanSet}
   * may drop one, with a warning), except where a target plan replaces it. A target plan {@code
   * D/<target>/plan.sh} replaces {@code D/plan.sh}, or, when D has none, the plain plans of D's
   * plan directory. Plans of other targets are left out; a file given twice counts once. Sorted by
   * path.
   */
  public static List<String> forTarget(List<String> planPaths, String target) {
    if (!TARGET_SET.contains(target)) {
      throw new IllegalArgumentException(
          "unknown target '" + target + "' (one of " + TARGETS + ")");
    }
    // Keyed by the file itself, so one file given as ./x/plan.sh and x/plan.sh counts once.
    Map<Path, String> plain = new TreeMap<>();
    Map<Path, String> specific = new TreeMap<>();
    for (String text : planPaths) {
      Path file = Path.of(text).toAbsolutePath().normalize();
      Path parent = file.getParent();
      String dirName = parent.getFileName() == null ? "" : parent.getFileName().toString();
      if (TARGET_SET.contains(dirName)) {
        if (dirName.equals(target)) {
          specific.merge(file, text, PlanDiscovery::shorter);
        }
      } else {
        plain.merge(file, text, PlanDiscovery::shorter);
      }
    }
    for (Path file : specific.keySet()) {
      Path dir = file.getParent().getParent();
      if (plain.remove(dir.resolve("plan.sh")) == null) {
        Path planDir = planDir(dir);
        plain.keySet().removeIf(p -> planDir(p.getParent()).equals(planDir));
      }
    }
    List<String> out = new ArrayList<>(plain.values());
    out.addAll(specific.values());
    out.sort(null);
    return out;
  }

  /**
   * The directory a plan belongs to: {@code x} for {@code x/plan.sh} and {@code x/habitat/plan.sh}.
   */
  private static Path planDir(Path dir) {
    if (dir.getFileName() != null && dir.getFileName().toString().equals("habitat")) {
      return dir.getParent();
    }
    return dir;
  }

  private static String shorter(String a, String b) {
    if (a.length() != b.length()) {
      return a.length() < b.length() ? a : b;
    }
    return a.compareTo(b) <= 0 ? a : b;
  }
}
