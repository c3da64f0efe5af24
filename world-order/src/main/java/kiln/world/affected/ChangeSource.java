package kiln.world.affected;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Where the changed files come from: files a user names, or git ({@link GitChanges}). */
public interface ChangeSource {

  /** The changed files, each once. */
  List<Change> changes() throws AffectedException;

  /**
   * A deleted file's text before the change, when the source knows it: {@code kiln affected} reads
   * a deleted plan.sh from it to name the plan that is gone.
   */
  Optional<String> textBefore(Path file) throws AffectedException;

  /**
   * Files named by the user, relative to the working directory: a file that does not exist counts
   * as deleted, every other one as changed (an added file affects the same plans).
   */
  static ChangeSource files(List<Path> files) {
    List<Change> changes =
        files.stream()
            .map(f -> f.toAbsolutePath().normalize())
            .distinct()
            .map(f -> new Change(f, Files.exists(f) ? Change.Kind.CHANGED : Change.Kind.DELETED))
            .toList();
    return new ChangeSource() {
      @Override
      public List<Change> changes() {
        return changes;
      }

      @Override
      public Optional<String> textBefore(Path file) {
        return Optional.empty();
      }
    };
  }
}
