package kiln.bin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/check-no-skipped-tests, the gate of bin/test and CI, on a made-up tree: a report of an
 * earlier run, or a container test class with no report, must not let the gate pass.
 */
class CheckNoSkippedTestsTest {

  private static final Path SCRIPT = Path.of("..", "bin", "check-no-skipped-tests");

  @TempDir Path tree;

  @Test
  void passesWhenEveryContainerTestClassHasAFreshReport() throws Exception {
    itClass("mod", "a/OneIT");
    itClass("mod", "a/TwoIT");
    stamp(Instant.now().minusSeconds(60));
    report("mod", "surefire", "a.UnitTest", 3);
    report("mod", "failsafe", "a.OneIT", 2);
    report("mod", "failsafe", "a.TwoIT", 1);

    Result result = check();

    assertEquals(0, result.exit(), result.output());
    assertTrue(result.output().contains("tests: 6 run, 0 skipped"), result.output());
  }

  @Test
  void failsWhenAContainerTestClassHasNoReport() throws Exception {
    itClass("mod", "a/OneIT");
    itClass("mod", "a/TwoIT");
    report("mod", "surefire", "a.UnitTest", 3);
    report("mod", "failsafe", "a.OneIT", 2);

    Result result = check();

    assertEquals(1, result.exit(), result.output());
    assertTrue(result.output().contains("a.TwoIT"), result.output());
  }

  @Test
  void reportsOlderThanTheRunDoNotCount() throws Exception {
    itClass("mod", "a/OneIT");
    Path old = report("mod", "failsafe", "a.OneIT", 2);
    Files.setLastModifiedTime(old, FileTime.from(Instant.now().minusSeconds(3600)));
    report("mod", "surefire", "a.UnitTest", 3);
    stamp(Instant.now().minusSeconds(60));

    Result result = check();

    assertEquals(1, result.exit(), result.output());
    assertTrue(result.output().contains("a.OneIT"), result.output());
    assertTrue(result.output().contains("1 stale reports ignored"), result.output());
  }

  @Test
  void failsWhenATestWasSkipped() throws Exception {
    report("mod", "surefire", "a.UnitTest", 3);
    Files.writeString(
        tree.resolve("mod/target/surefire-reports/TEST-a.Skipped.xml"),
        "<testsuite name=\"a.Skipped\" tests=\"2\" skipped=\"2\" failures=\"0\">\n");

    assertEquals(1, check().exit());
  }

  private void itClass(String module, String path) throws IOException {
    Path source = tree.resolve(module).resolve("src/test/java").resolve(path + ".java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, "class " + source.getFileName() + " {}\n");
  }

  private Path report(String module, String kind, String className, int tests) throws IOException {
    Path dir = tree.resolve(module).resolve("target").resolve(kind + "-reports");
    Files.createDirectories(dir);
    return Files.writeString(
        dir.resolve("TEST-" + className + ".xml"),
        "<?xml version=\"1.0\"?>\n<testsuite name=\""
            + className
            + "\" tests=\""
            + tests
            + "\" skipped=\"0\" failures=\"0\">\n</testsuite>\n");
  }

  private void stamp(Instant at) throws IOException {
    Path stamp = tree.resolve("target/test-run.stamp");
    Files.createDirectories(stamp.getParent());
    Files.writeString(stamp, "");
    Files.setLastModifiedTime(stamp, FileTime.from(at));
  }

  private record Result(int exit, String output) {}

  private Result check() throws Exception {
    Path bin = tree.resolve("bin");
    Files.createDirectories(bin);
    Path script = Files.copy(SCRIPT, bin.resolve("check-no-skipped-tests"));
    Process process =
        new ProcessBuilder("bash", script.toString()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the check hung");
    return new Result(process.exitValue(), output);
  }
}
