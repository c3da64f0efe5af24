package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OriginKeyGenerateCommandTest {

  @TempDir Path tmp;

  @Test
  void generatePrintsTheTwoKeyFiles() throws Exception {
    Path keys = tmp.resolve("keys");

    CliRun run = CliRun.of("origin", "key", "generate", "demo", "--keys", keys.toString());

    assertEquals(0, run.exit(), run.err());
    List<String> files = run.out().lines().toList();
    assertEquals(2, files.size(), run.out());
    assertTrue(files.get(0).matches(".*/demo-\\d{14}\\.pub"), files.get(0));
    assertTrue(files.get(1).matches(".*/demo-\\d{14}\\.sig\\.key"), files.get(1));
    assertTrue(Files.readString(Path.of(files.get(0))).startsWith("SIG-PUB-1\n"));
    assertTrue(run.err().startsWith("kiln: generated origin key demo-"), run.err());
  }

  @Test
  void anInvalidOriginFailsWithExitOne() {
    CliRun run = CliRun.of("origin", "key", "generate", "Demo!", "--keys", tmp.toString());
    assertEquals(1, run.exit());
    assertTrue(run.err().startsWith("kiln: invalid origin 'Demo!'"), run.err());
  }

  @Test
  void aMissingOriginIsAUsageError() {
    assertEquals(2, CliRun.of("origin", "key", "generate").exit());
    assertEquals(2, CliRun.of("origin", "key").exit());
    assertEquals(2, CliRun.of("origin").exit());
  }
}
