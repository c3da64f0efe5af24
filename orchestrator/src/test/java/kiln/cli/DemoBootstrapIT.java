package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo distribution from nothing to a populated results-stage3, in Docker studios, as {@code
 * kiln bootstrap} runs it; then the world's failure policy on it: a broken plan fails, exactly the
 * plans depending on it are skipped with that reason, the rest is built, and after the fix a re-run
 * builds only what failed or was skipped.
 */
class DemoBootstrapIT {

  private static final Path DEMO = Path.of("..", "examples", "demo").toAbsolutePath().normalize();

  @TempDir Path tmp;

  @Test
  void theDemoBootstrapsAndAFailedPlanSetsAsideExactlyItsDependents() throws Exception {
    Path demo = copyDemo();
    Path config = demo.resolve("kiln.yaml");
    Path greet = demo.resolve("plans/libgreet/src/greet.c");
    String goodGreet = Files.readString(greet);
    Files.writeString(greet, goodGreet + "\nthis is not C;\n");

    CliRun first = CliRun.of("bootstrap", "--config", config.toString());
    assertEquals(1, first.exit(), first.err());
    assertTrue(first.err().contains("FAILED demo/libgreet"), first.err());

    Map<String, JsonNode> world = stage(config, "stage3");
    assertEquals("failed", world.get("demo/libgreet").get("status").asText());
    assertEquals("skipped", world.get("demo/hello").get("status").asText());
    assertTrue(world.get("demo/hello").get("reason").asText().contains("demo/libgreet"));
    assertEquals("skipped", world.get("demo/motd").get("status").asText());
    assertEquals("built", world.get("demo/wordcount").get("status").asText());
    assertEquals("built", world.get("demo/banner").get("status").asText());
    for (String base : List.of("stage1", "stage2")) {
      stage(config, base).values().forEach(p -> assertEquals("built", p.get("status").asText()));
    }
    Path results = demo.resolve("results-stage3");
    List<Path> builtBefore = harts(results);
    assertEquals(2, builtBefore.size(), builtBefore.toString());
    String wanted = Files.readString(demo.resolve("stage3_world_order"));
    String working = Files.readString(demo.resolve("stage3_world_order.working"));
    assertTrue(wanted.contains("plans/hello") && !working.contains("plans/hello"), working);

    // Set aside by hand: the stage has no failure left, libgreet and its dependents wait.
    CliRun skip = CliRun.of("skip", "demo/libgreet", "--config", config.toString());
    assertEquals(0, skip.exit(), skip.err());
    assertEquals("skipped", stage(config, "stage3").get("demo/libgreet").get("status").asText());

    // Fixed and put back in the queue: only libgreet and what it blocked are built.
    Files.writeString(greet, goodGreet);
    CliRun retry = CliRun.of("retry", "demo/libgreet", "--config", config.toString());
    assertEquals(0, retry.exit(), retry.err());
    CliRun second = CliRun.of("bootstrap", "--config", config.toString());
    assertEquals(0, second.exit(), second.err());
    assertTrue(!second.err().contains("building demo/wordcount"), second.err());
    assertTrue(!second.err().contains("building demo/bash"), second.err());
    world = stage(config, "stage3");
    world.values().forEach(p -> assertEquals("built", p.get("status").asText(), p.toString()));

    List<Path> builtAfter = harts(results);
    assertEquals(5, builtAfter.size(), "one artifact per world plan: " + builtAfter);
    assertTrue(builtAfter.containsAll(builtBefore), "the first run's artifacts were kept");

    // What the world built works: the program runs from its package, through libgreet.
    assertTrue(harts(demo.resolve("results-stage2")).size() >= 7);
    assertTrue(
        builtAfter.stream().anyMatch(p -> p.getFileName().toString().startsWith("demo-hello-")));
  }

  private Path copyDemo() throws IOException, InterruptedException {
    Path demo = tmp.resolve("demo");
    for (String part : List.of("plans", "base-plans.txt", "tools.yaml")) {
      copyTree(DEMO.resolve(part), demo.resolve(part));
    }
    Path gathered = demo.resolve("toolchain/gathered");
    Process gather =
        new ProcessBuilder(
                DEMO.resolve("toolchain/gather-host-tools.sh").toString(), gathered.toString())
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("gather.log").toFile())
            .start();
    assertEquals(0, gather.waitFor(), Files.readString(tmp.resolve("gather.log")));
    String config =
        Files.readString(DEMO.resolve("kiln.yaml"))
            .replaceAll("(?m)^studio: .*$", "studio: docker")
            .replaceAll("(?m)^jobs: .*$", "jobs: 2");
    Files.writeString(demo.resolve("kiln.yaml"), config);
    return demo;
  }

  private static Map<String, JsonNode> stage(Path config, String name) throws IOException {
    CliRun status = CliRun.of("status", "--json", "--config", config.toString());
    assertEquals(0, status.exit(), status.err());
    JsonNode root = new ObjectMapper().readTree(status.out());
    Map<String, JsonNode> plans = new TreeMap<>();
    for (JsonNode stage : root.get("stages")) {
      if (stage.get("name").asText().equals(name)) {
        for (JsonNode plan : stage.get("plans")) {
          plans.put(plan.get("ident").asText(), plan);
        }
      }
    }
    assertTrue(!plans.isEmpty(), "no " + name + " in " + status.out());
    return plans;
  }

  private static List<Path> harts(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".hart")).sorted().toList();
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path source : all.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
