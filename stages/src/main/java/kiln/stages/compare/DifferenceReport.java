package kiln.stages.compare;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kiln.stages.artifact.ArtifactException;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteException;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;

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
      for (FileDifference difference : pkg.differences()) {
        if (!difference.what().equals("contents differ")) {
          continue;
        }
        byte[][] both = ResultsComparison.files(pkg, difference.path());
        Path a = write(folder.resolve("a").resolve(difference.path()), both[0]);
        Path b = write(folder.resolve("b").resolve(difference.path()), both[1]);
        if (diffoscope) {
          Path text = folder.resolve(difference.path() + ".diffoscope.txt");
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
    CommandLine command = new CommandLine("diffoscope");
    command.addArgument("--text").addArgument(text.toString(), false);
    command.addArgument(a.toString(), false).addArgument(b.toString(), false);
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    DefaultExecutor executor = DefaultExecutor.builder().get();
    executor.setStreamHandler(new PumpStreamHandler(output));
    executor.setWatchdog(ExecuteWatchdog.builder().setTimeout(DIFFOSCOPE_LIMIT).get());
    executor.setExitValues(new int[] {0, 1}); // 1: the files differ, which we know
    try {
      executor.execute(command);
    } catch (ExecuteException e) {
      Files.writeString(
          text,
          "diffoscope failed (exit " + e.getExitValue() + "):\n" + output,
          java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
