package kiln.stages.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kiln.stages.artifact.ArtifactException;

/**
 * Writes how each differing file differs, so a maintainer can see why a rebuild is not
 * byte-identical: both versions of the file ({@code a/} and {@code b/}, side B's releases mapped to
 * side A's) and, when Debian's {@code diffoscope} is installed, its text report beside them.
 */
public final class DifferenceReport {

  private static final Duration DIFFOSCOPE_LIMIT = Duration.ofMinutes(5);

  private DifferenceReport() {}

  /**
   * Writes the report of every difference into {@code dir}: {@code ORIGIN-NAME/a/PATH}, {@code
   * ORIGIN-NAME/b/PATH} and {@code ORIGIN-NAME/PATH.diffoscope.txt}.
   *
   * @return the files written that a reader should open first (the diffoscope reports, else the
   *     folders of the two versions)
   * @throws ArtifactException when an artifact cannot be read again
   * @throws IOException when the report cannot be written
   */
  public static List<Path> write(Comparison comparison, Path dir)
      throws ArtifactException, IOException {
    List<Path> written = new ArrayList<>();
    boolean diffoscope = diffoscopeInstalled();
    for (PackageComparison pkg : comparison.different()) {
      Path folder = dir.resolve(pkg.name().replace('/', '-'));
      java.util.Set<String> paths = new java.util.TreeSet<>();
      for (FileDifference difference : pkg.differences()) {
        if (difference.what().equals("contents differ")) {
          paths.add(difference.path());
        }
      }
      if (paths.isEmpty()) {
        continue;
      }
      List<java.util.Map<String, byte[]>> both = ResultsComparison.files(comparison, pkg, paths);
      for (String path : paths) {
        Path a = write(folder.resolve("a").resolve(path), both.get(0).get(path));
        Path b = write(folder.resolve("b").resolve(path), both.get(1).get(path));
        if (diffoscope) {
          Path text = folder.resolve(path + ".diffoscope.txt");
          runDiffoscope(a, b, text);
          written.add(text);
        } else {
          written.add(a.getParent());
        }
      }
    }
    return written;
  }

  private static Path write(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.write(file, bytes);
  }

  /** Whether {@code diffoscope} is on the PATH. */
  static boolean diffoscopeInstalled() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "diffoscope"))) {
        return true;
      }
    }
    return false;
  }

  private static void runDiffoscope(Path a, Path b, Path text) throws IOException {
    Path output = text.resolveSibling(text.getFileName() + ".log");
    Process process =
        new ProcessBuilder("diffoscope", "--text", text.toString(), a.toString(), b.toString())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    try {
      if (!process.waitFor(DIFFOSCOPE_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        Files.writeString(
            text, "diffoscope gave no answer in " + DIFFOSCOPE_LIMIT.toMinutes() + " minutes\n");
      } else if (process.exitValue() > 1) { // 1: the files differ, which we know
        Files.writeString(
            text, "diffoscope failed (exit " + process.exitValue() + "): see " + output + "\n");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while diffoscope compared " + a + " and " + b, e);
    } finally {
      if (Files.exists(text)) {
        Files.deleteIfExists(output);
      }
    }
  }
}
