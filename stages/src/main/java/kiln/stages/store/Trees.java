package kiln.stages.store;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import kiln.world.IoFailures;

/** Directory helpers for the store (and the repository's folders, kiln.stages.publish). */
public final class Trees {

  private Trees() {}

  /** The visible subdirectories of a directory, sorted; none when it does not exist. */
  static List<Path> children(Path dir) throws StoreException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(Files::isDirectory)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new StoreException(IoFailures.message("cannot list " + dir, e), e);
    }
  }

  /**
   * Removes a tree, making read-only directories writable first; ignores failures: callers use it
   * for hidden debris, which a later run removes again.
   */
  public static void deleteQuietly(Path tree) {
    if (tree == null || !Files.exists(tree)) {
      return;
    }
    try {
      Files.walkFileTree(
          tree,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
                throws IOException {
              Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
              Files.delete(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      // Left-over debris is hidden (.kiln-unpack-*) and never read as a package.
    }
  }
}
