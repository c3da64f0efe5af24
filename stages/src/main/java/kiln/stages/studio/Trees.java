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
    // A build may leave read-only directories behind; make them writable to empty them.
    try (Stream<Path> walk = Files.walk(tree)) {
      walk.filter(p -> Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
          .forEach(p -> p.toFile().setWritable(true, true));
    } catch (IOException | java.io.UncheckedIOException e) {
      // As below.
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
