package kiln.world.affected;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One changed file.
 *
 * @param file the file, absolute and normalized (a deleted file no longer exists)
 * @param kind added, changed or deleted
 */
public record Change(Path file, Kind kind) {

  /** What happened to the file. */
  public enum Kind {
    ADDED,
    CHANGED,
    DELETED
  }

  public Change {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(kind, "kind");
    if (!file.isAbsolute()) {
      throw new IllegalArgumentException("a changed file is named by its absolute path: " + file);
    }
    file = file.normalize();
  }

  /** True when the change removed the file. */
  public boolean deleted() {
    return kind == Kind.DELETED;
  }
}
