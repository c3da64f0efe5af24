package kiln.stages.build;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import kiln.world.IoFailures;

/**
 * The results dir, written only by atomic renames: a reader (or a crash) never sees a half-written
 * artifact, last_build.env or log there.
 */
final class ResultsDir {

  private final Path dir;

  ResultsDir(Path dir) {
    this.dir = dir;
  }

  Path resolve(String name) {
    return dir.resolve(name);
  }

  /** Moves a finished file into the results dir under a name, replacing an older one. */
  Path publish(Path finished, String name) throws BuildException {
    Path target = dir.resolve(name);
    try {
      Files.createDirectories(dir);
      // A copy onto the results dir's own file system first, so the last step is a rename.
      Path partial = Files.createTempFile(dir, "." + name, ".partial");
      try {
        Files.copy(finished, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(
            partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(partial);
      }
      return target;
    } catch (IOException e) {
      throw new BuildException(IoFailures.message("cannot write " + target, e), null, e);
    }
  }

  /**
   * Moves a finished file into the results dir by a rename when both are on one file system (no
   * copy); otherwise as {@link #publish} does.
   */
  Path publishByRename(Path finished, String name) throws BuildException {
    Path target = dir.resolve(name);
    try {
      Files.createDirectories(dir);
      Files.move(
          finished, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (AtomicMoveNotSupportedException e) {
      return publish(finished, name);
    } catch (IOException e) {
      throw new BuildException("cannot write " + target + ": " + e, null, e);
    }
  }

  /**
   * Puts a symbolic link to a file kept elsewhere (the ledger's log of a build) into the results
   * dir under a name, so the file exists once and both places give it.
   */
  Path link(Path file, String name) throws BuildException {
    Path target = dir.resolve(name);
    try {
      Files.createDirectories(dir);
      Path partial = dir.resolve("." + name + ".partial-link");
      Files.deleteIfExists(partial);
      Files.createSymbolicLink(partial, file.toAbsolutePath().normalize());
      Files.move(
          partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new BuildException("cannot write " + target + ": " + e, null, e);
    }
  }

  /** Writes a small text file atomically. */
  Path publishText(String text, String name, Path scratch) throws BuildException {
    try {
      Files.writeString(scratch, text);
    } catch (IOException e) {
      throw new BuildException(IoFailures.message("cannot write " + scratch, e), null, e);
    }
    return publish(scratch, name);
  }
}
