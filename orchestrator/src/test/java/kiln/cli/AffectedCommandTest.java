package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import kiln.testing.GitRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kiln affected as a CI hook on a plans repository runs it. */
class AffectedCommandTest {

  @TempDir Path dir;
  private GitRepository repo;
  private String base;

  @BeforeEach
  void plans() throws Exception {
    repo = new GitRepository(dir);
    repo.write("lib/plan.sh", "pkg_origin=demo\npkg_name=lib\n");
    repo.write("app/plan.sh", "pkg_origin=demo\npkg_name=app\npkg_deps=(demo/lib)\n");
    repo.write("tool/plan.sh", "pkg_origin=demo\npkg_name=tool\n");
    repo.write("README.md", "plans\n");
    base = repo.commit("plans");
  }

  @Test
  void printsTheTouchedPlanAndItsDependentsAsWorldOrderLines() throws Exception {
    repo.write("lib/fix.patch", "--- a\n");
    repo.write("README.md", "plans, explained\n");
    repo.commit("a patch");
    CliRun run =
        CliRun.of("affected", "--since", base, "--repo", dir.toString(), "-p", dir.toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals(
        "demo/lib " + dir.resolve("lib") + "\ndemo/app " + dir.resolve("app") + "\n", run.out());
    assertTrue(run.err().contains("README.md: the input of no plan"), run.err());
    assertTrue(run.err().contains("2 changed file(s), 2 plan(s) affected"), run.err());
  }

  @Test
  void namedFilesAndExplainSayWhy() {
    CliRun run =
        CliRun.of(
            "affected", "--explain", "-p", dir.toString(), dir.resolve("lib/plan.sh").toString());
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("  depends on demo/lib"), run.out());
    assertTrue(run.out().contains("lib/plan.sh (in its folder)"), run.out());
  }

  @Test
  void aDeletedPlanIsToldOnStderr() throws Exception {
    repo.delete("lib/plan.sh");
    CliRun run =
        CliRun.of(
            "affected", "-q", "--since", base, "--repo", dir.toString(), "-p", dir.toString());
    assertEquals("demo/app " + dir.resolve("app") + "\n", run.out(), run.err());
    CliRun told =
        CliRun.of("affected", "--since", base, "--repo", dir.toString(), "-p", dir.toString());
    assertTrue(
        told.err().contains("deleted plan: ") && told.err().contains("was demo/lib"), told.err());
  }

  @Test
  void filesAndSinceTogetherOrNeitherIsAUsageError() {
    assertEquals(2, CliRun.of("affected", "-p", dir.toString()).exit());
    CliRun both = CliRun.of("affected", "--since", "HEAD", "-p", dir.toString(), "x");
    assertEquals(2, both.exit());
    assertTrue(both.err().contains("one of the two"), both.err());
  }
}
