package kiln.world;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A base-plans file (core-plans' base-plans.txt format): the plans stage1 and stage2 build, in
 * build order, one per line as {@code plan-dir [VAR=value ...]}. Blank lines and {@code #} comments
 * are allowed; a plan may appear twice with different variables (a first pass).
 *
 * @param file the file read
 * @param entries the lines whose plan directory was found, in order
 * @param unresolved the lines whose plan directory is not in this tree (a renamed or removed plan,
 *     an entry of another repository), each with its file and line; the caller decides whether that
 *     is fatal
 */
public record BasePlans(Path file, List<Entry> entries, List<Diagnostic> unresolved) {

  public BasePlans {
    entries = List.copyOf(entries);
    unresolved = List.copyOf(unresolved);
  }

  /**
   * One line: the plan's directory and the variables to build it with.
   *
   * @param planDir the plan's directory, resolved (see {@link #parse})
   * @param args the {@code VAR=value} pairs in order
   * @param at the file and line
   */
  public record Entry(Path planDir, Map<String, String> args, SourceLocation at) {
    public Entry {
      args = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }

    /** The plan.sh of the directory ({@code plan.sh}, else {@code habitat/plan.sh}). */
    public Path planFile() {
      Path plain = planDir.resolve("plan.sh");
      Path habitat = planDir.resolve("habitat").resolve("plan.sh");
      return Files.isRegularFile(plain) || !Files.isRegularFile(habitat) ? plain : habitat;
    }
  }

  /**
   * Reads a base-plans file. A plan directory is looked up relative to the working directory, then
   * relative to the file's directory and its parents (core-plans writes {@code core-plans/gcc},
   * relative to the directory holding core-plans), then without its first folder relative to the
   * file's directory and its parents, so {@code core-plans/gcc} is found in a checkout of any name.
   *
   * @throws BasePlansException naming the file and line of every bad line at once, or why the file
   *     cannot be read
   */
  public static BasePlans parse(Path file) throws BasePlansException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new BasePlansException(IoFailures.message("cannot read base-plans file " + file, e), e);
    }
    List<Entry> entries = new ArrayList<>();
    List<Diagnostic> unresolved = new ArrayList<>();
    List<String> bad = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int hash = line.indexOf('#');
      String text = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (text.isEmpty()) {
        continue;
      }
      String[] words = text.split("\\s+");
      SourceLocation at = new SourceLocation(file, i + 1);
      Map<String, String> args = new LinkedHashMap<>();
      for (int k = 1; k < words.length; k++) {
        try {
          Map.Entry<String, String> a = EvalContext.parseAssignment(words[k]);
          args.put(a.getKey(), a.getValue());
        } catch (IllegalArgumentException e) {
          bad.add(at + ": " + e.getMessage() + " (want: plan-dir [VAR=value ...])");
        }
      }
      Path dir = locate(file, words[0]);
      if (dir == null) {
        unresolved.add(
            new Diagnostic(
                at,
                "no plan directory '"
                    + words[0]
                    + "' here or beside "
                    + file
                    + " or its parents (renamed, removed, or from another repository)"));
      } else {
        entries.add(new Entry(dir, args, at));
      }
    }
    if (!bad.isEmpty()) {
      throw new BasePlansException(
          bad.size()
              + " bad line(s) in base-plans file "
              + file
              + ":\n  "
              + String.join("\n  ", bad));
    }
    return new BasePlans(file, entries, unresolved);
  }

  /** The plan directory an entry names, or null when this tree has none. */
  private static Path locate(Path file, String dir) {
    Path given = Path.of(dir);
    if (given.isAbsolute() || Files.isDirectory(given)) {
      return given;
    }
    Path found = besideOrAbove(file, given);
    if (found == null && given.getNameCount() > 1) {
      // The list names the tree's folder as core-plans wrote it; this checkout may be named
      // otherwise (plans-2018/base-plans.txt listing core-plans/gcc).
      found = besideOrAbove(file, given.subpath(1, given.getNameCount()));
    }
    if (found == null) {
      return null;
    }
    Path cwd = Path.of("").toAbsolutePath();
    return found.startsWith(cwd) ? cwd.relativize(found) : found;
  }

  private static Path besideOrAbove(Path file, Path dir) {
    for (Path base = file.toAbsolutePath().getParent(); base != null; base = base.getParent()) {
      if (Files.isDirectory(base.resolve(dir))) {
        return base.resolve(dir).normalize();
      }
    }
    return null;
  }
}
