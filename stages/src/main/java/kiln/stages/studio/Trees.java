package kiln.stages.studio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing directory trees (scratch space of finished studios). */
final class Trees {
  private Trees() {}

  /** Deletes a tree, leaving behind whatever cannot be deleted: it is scratch space. */
  static void deleteQuietly(Path tree) {
    if (!Files.exists(tree, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(tree)) {
      walk.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  // Left for the next clean-up; never hide the build's own outcome.
                }
              });
    } catch (IOException | java.io.UncheckedIOException e) {
      // As above.
    }
  }
}
