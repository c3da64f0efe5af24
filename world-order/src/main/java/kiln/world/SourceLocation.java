package kiln.world;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A place in a plan file: the file as kiln was given it and a 1-based line, or line 0 when only the
 * file is known (e.g. a dependency found by {@code --eval}). In a file a plan sources, {@code via}
 * holds the {@code source} lines that led there, so a message about a shared file names the plan it
 * was read for.
 *
 * @param file the plan file (or a file it sources)
 * @param line the 1-based line, or 0 when unknown
 * @param via the source commands that led to {@code file}, innermost first (the last one is in the
 *     plan being read); empty in the plan itself
 */
public record SourceLocation(Path file, int line, List<SourceLocation> via) {

  public SourceLocation {
    Objects.requireNonNull(file, "file");
    if (line < 0) {
      throw new IllegalArgumentException("negative line " + line + " in " + file);
    }
    via = List.copyOf(via);
  }

  /** A place in the plan being read (or where the chain is not known). */
  public SourceLocation(Path file, int line) {
    this(file, line, List.of());
  }

  /** The plan being read: the file of the outermost source command, or this file. */
  public Path plan() {
    return via.isEmpty() ? file : via.get(via.size() - 1).file();
  }

  /** True when this is in a file the plan sources. */
  public boolean sourced() {
    return !via.isEmpty();
  }

  /** Just the file and line, without the chain. */
  public String fileAndLine() {
    return line == 0 ? file.toString() : file + ":" + line;
  }

  @Override
  public String toString() {
    if (via.isEmpty()) {
      return fileAndLine();
    }
    StringBuilder text = new StringBuilder(fileAndLine()).append(" (sourced from ");
    for (int i = 0; i < via.size(); i++) {
      text.append(i == 0 ? "" : ", from ").append(via.get(i).fileAndLine());
    }
    return text.append(')').toString();
  }
}
