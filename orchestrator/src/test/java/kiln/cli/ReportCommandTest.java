package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

  @TempDir Path dir;
  Path config;

  @BeforeEach
  void distribution() throws Exception {
    config = FakeParts.distribution(dir);
  }

  void bootstrap() {
    CliRun run =
        CliRun.ofCommand(
            new BootstrapCommand(new FakeParts().factory()), "--config", config.toString());
    assertEquals(0, run.exit(), run.err());
  }

  @Test
  void withoutOutTheReportGoesIntoTheWorkDirectory() throws Exception {
    bootstrap();
    CliRun report = CliRun.of("report", "--config", config.toString());
    assertEquals(0, report.exit(), report.err());
    Path page = Path.of(report.out().strip());
    assertEquals("report/index.html", page.getParent().getFileName() + "/" + page.getFileName());
    assertTrue(Files.readString(page).contains("<td class=\"built\">4</td>"), "stage3's world");
  }

  @Test
  void withNoRunYetItSaysSoAndWritesNothing() {
    CliRun report =
        CliRun.of("report", "--config", config.toString(), "--out", dir.resolve("r").toString());
    assertEquals(1, report.exit());
    assertTrue(report.err().startsWith("kiln: no run in "), report.err());
    assertTrue(report.err().contains("kiln bootstrap starts one"), report.err());
    assertTrue(Files.notExists(dir.resolve("r")));
  }

  @Test
  void aFolderThatCannotBeWrittenIsSaidInOneLine() throws Exception {
    bootstrap();
    Path taken = Files.writeString(dir.resolve("taken"), "a file, not a folder");
    CliRun report = CliRun.of("report", "--config", config.toString(), "--out", taken.toString());
    assertEquals(1, report.exit(), report.err());
    assertTrue(report.err().startsWith("kiln: cannot write the report: "), report.err());
    assertEquals(1, report.err().strip().lines().count(), report.err());
  }
}
