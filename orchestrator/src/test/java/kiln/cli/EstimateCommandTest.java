package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kiln estimate} as a user runs it, on a small world with a durations file. */
class EstimateCommandTest {

  @TempDir Path dir;
  Path durations;

  @BeforeEach
  void world() throws Exception {
    plan("a");
    plan("b", "t/a");
    plan("c");
    plan("d");
    plan("e");
    durations =
        Files.writeString(
            dir.resolve("durations.txt"),
            "# seconds per plan\nt/a 100\nt/b 100\nt/c 30\nt/d 30\nt/e 30\n");
  }

  @Test
  void predictsTheMakespanTheBoundAndTheCriticalPath() throws Exception {
    CliRun run =
        CliRun.of(
            "estimate",
            "--durations",
            durations.toString(),
            "--builders",
            "2",
            "--json",
            dir.toString());
    assertEquals(0, run.exit(), run.err());
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertEquals("time", json.get("policy").asText());
    assertEquals(200, json.get("makespan_s").asDouble(), 1e-9, "a then b, c d e on the other");
    assertEquals(200, json.get("lower_bound_s").asDouble(), 1e-9);
    assertEquals("t/a", json.get("critical_path").get(0).get("ident").asText());
    assertEquals("t/b", json.get("critical_path").get(1).get("ident").asText());
    assertEquals(100, json.get("critical_path").get(1).get("seconds").asDouble(), 1e-9);
    assertEquals(2, json.get("utilisation").size());
    assertEquals(5, json.get("estimates").get("history").asInt());
  }

  @Test
  void showsItInWordsWithOneSlowBuilder() {
    CliRun run =
        CliRun.of(
            "estimate",
            "--durations",
            durations.toString(),
            "--speeds",
            "1,0.5",
            "--policy",
            "count",
            dir.toString());
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("5 plans on 2 builders, policy count"), run.out());
    assertTrue(run.out().contains("predicted makespan: 3m20s"), run.out());
    assertTrue(run.out().contains("t/a"), run.out());
    assertTrue(run.out().contains("builders' utilisation:"), run.out());
    assertTrue(run.err().contains("kiln: 5 plans read, 0 unreadable"), run.err());
    assertTrue(!run.err().contains("lines printed"), "it prints no plan lines: " + run.err());
  }

  @Test
  void aBadDurationsLineIsNamedWithItsFileAndLine() throws Exception {
    Files.writeString(durations, "t/a 100\nt/b soon\n");
    CliRun run = CliRun.of("estimate", "--durations", durations.toString(), dir.toString());
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("durations.txt:2: seconds are a number"), run.err());
  }

  @Test
  void buildersAndSpeedsMustAgree() {
    CliRun run =
        CliRun.of(
            "estimate",
            "--durations",
            durations.toString(),
            "--builders",
            "3",
            "--speeds",
            "1,1",
            dir.toString());
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("give one speed per builder"), run.err());
  }

  @Test
  void withoutAnyHistoryItSaysWhereDurationsComeFrom() {
    CliRun run = CliRun.of("estimate", "--work", dir.resolve("work").toString(), dir.toString());
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("no durations"), run.err());
  }

  private void plan(String name, String... deps) throws Exception {
    Path plan = Files.createDirectories(dir.resolve(name)).resolve("plan.sh");
    Files.writeString(
        plan,
        "pkg_name="
            + name
            + "\npkg_origin=t\npkg_version=1.0\npkg_deps=("
            + String.join(" ", deps)
            + ")\n");
  }
}
