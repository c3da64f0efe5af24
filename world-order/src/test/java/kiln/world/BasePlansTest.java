package kiln.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BasePlansTest {

  @TempDir Path dir;

  @Test
  void readsEntriesInOrderWithTheirVariablesAndLines() throws Exception {
    Files.createDirectories(dir.resolve("plans/patchelf"));
    Files.createDirectories(dir.resolve("plans/gcc"));
    Path file = dir.resolve("plans/base-plans.txt");
    Files.writeString(
        file, "# bootstrap\n\npatchelf FIRST_PASS=true  # first pass\ngcc\npatchelf\n");
    BasePlans base = BasePlans.parse(file);
    assertEquals(3, base.entries().size());
    BasePlans.Entry first = base.entries().get(0);
    assertTrue(
        first.planDir().toAbsolutePath().endsWith("plans/patchelf"), first.planDir().toString());
    assertEquals(Map.of("FIRST_PASS", "true"), first.args());
    assertEquals(3, first.at().line());
    assertEquals(Map.of(), base.entries().get(2).args());
    assertEquals(List.of(3, 4, 5), base.entries().stream().map(e -> e.at().line()).toList());
  }

  @Test
  void aBadLineIsNamedByFileAndLine() throws Exception {
    Files.createDirectories(dir.resolve("gcc"));
    Path file = dir.resolve("base.txt");
    Files.writeString(file, "gcc\ngcc NOT-AN-ASSIGNMENT\n");
    var e = assertThrows(BasePlansException.class, () -> BasePlans.parse(file));
    assertTrue(e.getMessage().contains("base.txt:2"), e.getMessage());
    Files.writeString(file, "gcc\nnowhere\n");
    var missing = assertThrows(BasePlansException.class, () -> BasePlans.parse(file));
    assertTrue(
        missing.getMessage().contains("base.txt:2") && missing.getMessage().contains("nowhere"),
        missing.getMessage());
  }
}
