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
  }

  @Test
  void everyBadLineIsReportedAtOnce() throws Exception {
    Files.createDirectories(dir.resolve("gcc"));
    Path file = dir.resolve("base.txt");
    Files.writeString(file, "gcc BAD-1\ngcc\ngcc ALSO-BAD\n");
    var e = assertThrows(BasePlansException.class, () -> BasePlans.parse(file));
    assertTrue(
        e.getMessage().contains("base.txt:1") && e.getMessage().contains("base.txt:3"),
        e.getMessage());
  }

  @Test
  void anEntryWithNoPlanHereIsSetAsideNamingItsLineNotFatal() throws Exception {
    Files.createDirectories(dir.resolve("gcc"));
    Path file = dir.resolve("base.txt");
    Files.writeString(file, "gcc\nhabitat/components/hab\nrenamed\n");
    BasePlans base = BasePlans.parse(file);
    assertEquals(1, base.entries().size());
    assertEquals(List.of(2, 3), base.unresolved().stream().map(d -> d.where().line()).toList());
    assertTrue(
        base.unresolved().get(1).toString().contains("renamed"), base.unresolved().toString());
  }

  @Test
  void entriesResolveWhateverTheTreesFolderIsCalled() throws Exception {
    Files.createDirectories(dir.resolve("plans-2018/gcc"));
    Files.createDirectories(dir.resolve("plans-2018/linux-headers"));
    Path file = dir.resolve("plans-2018/base-plans.txt");
    Files.writeString(file, "core-plans/linux-headers\ncore-plans/gcc\n");
    BasePlans base = BasePlans.parse(file);
    assertEquals(List.of(), base.unresolved());
    assertTrue(
        base.entries().get(1).planDir().toAbsolutePath().endsWith("plans-2018/gcc"),
        base.entries().get(1).planDir().toString());
  }
}
