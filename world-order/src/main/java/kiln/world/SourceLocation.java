package kiln.world;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A place in a plan file: the file as kiln was given it and a 1-based line, or line 0 when only the
 * file is known (e.g. a dependency found by {@code --eval}).
 *
 * @param file the plan file (or a file it sources)
 * @param line the 1-based line, or 0 when unknown
 */
public record SourceLocation(Path file, int line) {

  public SourceLocation {
    Objects.requireNonNull(file, "file");
    if (line < 0) {
      throw new IllegalArgumentException("negative line " + line + " in " + file);
    }
  }

  @Override
  public String toString() {
    return line == 0 ? file.toString() : file + ":" + line;
  }
}
