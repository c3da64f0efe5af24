package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

/** {@code --help} on every command and command group, as a user types it. */
class HelpTest {

  /** Every command path of kiln's tree, e.g. [origin, key, generate], the root as []. */
  private static List<List<String>> commandPaths() {
    List<List<String>> paths = new ArrayList<>();
    collect(Kiln.commandLine(), new ArrayList<>(), paths);
    return paths;
  }

  private static void collect(CommandLine cli, List<String> path, List<List<String>> paths) {
    paths.add(List.copyOf(path));
    cli.getSubcommands()
        .forEach(
            (name, sub) -> {
              path.add(name);
              collect(sub, path, paths);
              path.remove(path.size() - 1);
            });
  }

  @TestFactory
  Stream<DynamicTest> helpWorksOnEveryCommandAndGroup() {
    return commandPaths().stream()
        .map(
            path ->
                DynamicTest.dynamicTest(
                    String.join(" ", List.of("kiln", String.join(" ", path))).strip() + " --help",
                    () -> {
                      List<String> args = new ArrayList<>(path);
                      args.add("--help");
                      CliRun run = CliRun.of(args.toArray(String[]::new));
                      assertEquals(0, run.exit(), run.err());
                      String usage =
                          String.join(" ", List.of("Usage: kiln", String.join(" ", path)));
                      assertTrue(run.out().startsWith(usage.strip() + " "), run.out());
                      assertEquals("", run.err());
                    }));
  }

  @Test
  void theWalkReachesTheGroupsAndTheirLeaves() {
    List<String> names = commandPaths().stream().map(p -> String.join(" ", p)).toList();
    for (String expected :
        List.of("origin", "origin key", "origin key generate", "hart", "hart info", "build")) {
      assertTrue(names.contains(expected), names.toString());
    }
  }

  @Test
  void aShortHelpOptionToo() {
    CliRun run = CliRun.of("hart", "verify", "-h");
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().startsWith("Usage: kiln hart verify "), run.out());
  }
}
