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
 * @param entries the lines in order
 */
public record BasePlans(Path file, List<Entry> entries) {

  public BasePlans {
    entries = List.copyOf(entries);
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
   * relative to the directory holding core-plans).
   *
   * @throws BasePlansException naming the file and line of the first bad line, or why the file
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
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int hash = line.indexOf('#');
      String text = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (text.isEmpty()) {
        continue;
      }
      entries.add(entry(file, i + 1, text.split("\\s+")));
    }
    return new BasePlans(file, entries);
  }

  private static Entry entry(Path file, int line, String[] words) throws BasePlansException {
    SourceLocation at = new SourceLocation(file, line);
    Map<String, String> args = new LinkedHashMap<>();
    for (int k = 1; k < words.length; k++) {
      try {
        Map.Entry<String, String> a = EvalContext.parseAssignment(words[k]);
        args.put(a.getKey(), a.getValue());
      } catch (IllegalArgumentException e) {
        throw new BasePlansException(
            at + ": " + e.getMessage() + " (want: plan-dir [VAR=value ...])", e);
      }
    }
    return new Entry(locate(file, words[0], at), args, at);
  }

  private static Path locate(Path file, String dir, SourceLocation at) throws BasePlansException {
    Path given = Path.of(dir);
    if (given.isAbsolute() || Files.isDirectory(given)) {
      return given;
    }
    Path parent = file.toAbsolutePath().getParent();
    for (Path base = parent; base != null; base = base.getParent()) {
      if (Files.isDirectory(base.resolve(dir))) {
        Path found = base.resolve(dir).normalize();
        Path cwd = Path.of("").toAbsolutePath();
        return found.startsWith(cwd) ? cwd.relativize(found) : found;
      }
    }
    throw new BasePlansException(
        at + ": no plan directory '" + dir + "' here or beside " + file + " or its parents");
  }
}
