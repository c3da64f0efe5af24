package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** world-order and dependents as a user runs them, on the bundled example world. */
class WorldCommandsTest {

  private static final Path WORLD = Path.of("..", "examples", "world");
  private static final String BASE = WORLD.resolve("base-plans.txt").toString();

  private record Run(int exit, String out, String err) {
    List<String> lines() {
      return out.isEmpty() ? List.of() : Arrays.asList(out.split("\n"));
    }
  }

  private static Run kiln(String stdin, String... args) {
    CommandLine cli = Kiln.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    InputStream saved = System.in;
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    try {
      int exit = cli.execute(args);
      return new Run(exit, out.toString(), err.toString());
    } finally {
      System.setIn(saved);
    }
  }

  private static String planPaths() throws Exception {
    try (Stream<Path> walk = Files.walk(WORLD)) {
      return String.join(
          "\n", walk.filter(p -> p.endsWith("plan.sh")).map(Path::toString).toList());
    }
  }

  @Test
  void ordersTheExampleWorldWithoutItsBaseFromStdin() throws Exception {
    Run run = kiln(planPaths(), "world-order", "--without-base", "--base-plans", BASE);
    assertEquals(0, run.exit(), run.err());
    List<String> lines = run.lines();
    assertTrue(lines.contains("core/openssl ../examples/world/openssl"), run.out());
    assertTrue(
        lines.indexOf("core/openssl ../examples/world/openssl")
            < lines.indexOf("core/curl ../examples/world/curl"),
        run.out());
    assertTrue(lines.contains("core/git ../examples/world/git"), "habitat/plan.sh layout");
    assertTrue(lines.stream().noneMatch(l -> l.startsWith("core/gcc ")), "base plans left out");
    assertTrue(run.err().contains("broken/plan.sh:2: sources '../shared/settings.sh'"), run.err());
    assertTrue(run.err().contains("two plans for core/zlib"), run.err());
    assertTrue(
        run.err().contains("54 plans read, 1 unreadable, 0 missing dependencies"), run.err());
  }

  @Test
  void theSameOrderWhateverTheOrderOfTheInputLines() throws Exception {
    List<String> paths = Arrays.asList(planPaths().split("\n"));
    Run forward =
        kiln(String.join("\n", paths), "world-order", "--without-base", "--base-plans", BASE);
    java.util.Collections.reverse(paths);
    Run backward =
        kiln(String.join("\n", paths), "world-order", "--without-base", "--base-plans", BASE);
    assertEquals(forward.out(), backward.out());
  }

  @Test
  void cyclesExitWithThreeAndAReport() throws Exception {
    Run run = kiln("", "world-order", WORLD.toString());
    assertEquals(3, run.exit());
    assertTrue(run.err().contains("loop: core/binutils -> core/gcc -> core/binutils"), run.err());
    assertTrue(run.err().contains("examples/world/binutils/plan.sh:13"), run.err());
  }

  @Test
  void aCycleLeavesOutOnlyThePlansItBlocksAndTheRestIsStillOrdered() throws Exception {
    Run run = kiln("", "world-order", WORLD.toString());
    assertEquals(3, run.exit());
    Run all = kiln("", "world-order", "--allow-cycles", WORLD.toString());
    List<String> lines = run.lines();
    assertTrue(lines.contains("core/linux-headers ../examples/world/linux-headers"), run.out());
    assertTrue(lines.stream().noneMatch(l -> l.startsWith("core/gcc ")), "a member is left out");
    assertTrue(lines.stream().noneMatch(l -> l.startsWith("core/curl ")), "a blocked plan too");
    List<String> sameOrder = all.lines().stream().filter(lines::contains).toList();
    assertEquals(sameOrder, lines, "in the order --allow-cycles gives them");
    int leftOut = all.lines().size() - lines.size();
    assertTrue(
        run.err().contains("left out of the order: " + leftOut + " plans in or blocked by"),
        run.err());
  }

  @Test
  void aMissingDependencyIsOneShortLineNamesOnlyWithVerboseAndQuietSaysNothing(
      @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    for (int i = 0; i < 30; i++) {
      Path plan = dir.resolve("p" + i + "/plan.sh");
      Files.createDirectories(plan.getParent());
      Files.writeString(
          plan, "pkg_name=p" + i + "\npkg_origin=core\npkg_deps=(core/ghost core/other)\n");
    }
    Run run = kiln("", "world-order", dir.toString());
    assertEquals(0, run.exit(), run.err());
    assertTrue(
        run.err().contains("warning: no plan provides core/ghost, needed by 30 plans"), run.err());
    assertTrue(!run.err().contains("core/p1 "), "no names without --verbose: " + run.err());
    assertEquals(2, run.err().lines().filter(l -> l.contains("no plan provides")).count());
    Run verbose = kiln("", "world-order", "--verbose", dir.toString());
    assertTrue(verbose.err().contains("needed by 30 plans: core/p0 core/p1 "), verbose.err());
    Run quiet = kiln("", "world-order", "--quiet", dir.toString());
    assertEquals(run.out(), quiet.out());
    assertEquals("", quiet.err());
  }

  @Test
  void allowingCyclesPrintsEveryPlanWithAWarning() throws Exception {
    Run run = kiln("", "world-order", "--allow-cycles", WORLD.toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals(54, run.lines().size());
    assertTrue(run.err().contains("warning: ordered a cycle anyway"), run.err());
  }

  @Test
  void strictFailsOnTheUnreadablePlanAndUsageErrorsExitTwo() {
    Run strict = kiln("", "world-order", "--strict", "--allow-cycles", WORLD.toString());
    assertEquals(1, strict.exit());
    assertTrue(strict.err().contains("kiln: 1 unreadable plan(s) (--strict)"), strict.err());
    assertEquals(2, kiln("", "world-order", "--without-base", WORLD.toString()).exit());
    assertEquals(2, kiln("", "world-order", "--target", "mips", WORLD.toString()).exit());
  }

  @Test
  void dependentsInBuildOrderWithExplanations() throws Exception {
    Run run = kiln(planPaths(), "dependents", "core/openssl", "--explain");
    assertEquals(0, run.exit(), run.err());
    List<String> lines = run.lines();
    int curl = lines.indexOf("core/curl ../examples/world/curl");
    int git = lines.indexOf("core/git ../examples/world/git");
    assertTrue(curl >= 0 && git > curl, run.out());
    assertTrue(
        lines.contains("  core/curl -> core/openssl (../examples/world/curl/plan.sh:7)"),
        run.out());
    Run direct =
        kiln("", "dependents", "core/openssl-fips-module", "--direct", "-p", WORLD.toString());
    assertEquals(List.of("core/openssl-fips ../examples/world/openssl-fips"), direct.lines());
  }

  @Test
  void aBadOriginIsAUsageError() {
    Run run = kiln("", "world-order", "--origin", "a b", WORLD.toString());
    assertEquals(2, run.exit(), run.err());
    assertTrue(run.err().contains("invalid --origin 'a b'"), run.err());
    assertEquals(2, kiln("", "dependents", "core/zlib", "--origin", "a/b").exit());
  }

  @Test
  void dependentsOfACycleMemberListsWhatTheCycleBlocksWithOrWithoutAllowCycles() {
    Run report = kiln("", "world-order", WORLD.toString());
    assertEquals(3, report.exit());
    for (String[] extra : new String[][] {{}, {"--allow-cycles"}}) {
      List<String> args =
          new java.util.ArrayList<>(List.of("dependents", "core/binutils", "-p", WORLD.toString()));
      args.addAll(List.of(extra));
      Run run = kiln("", args.toArray(String[]::new));
      assertEquals(0, run.exit(), run.err());
      assertTrue(run.lines().contains("core/gcc ../examples/world/gcc"), run.out());
      assertTrue(run.lines().contains("core/curl ../examples/world/curl"), run.out());
    }
  }

  @Test
  void aBasePlanListedTwiceIsPrintedAfterWhatItsSecondPassNeeds() {
    Run run = kiln("", "world-order", "--base-plans", BASE, "--allow-cycles", WORLD.toString());
    assertEquals(0, run.exit(), run.err());
    List<String> lines = run.lines();
    int libs = lines.indexOf("core/gcc-libs ../examples/world/gcc-libs");
    int patchelf = lines.indexOf("core/patchelf ../examples/world/patchelf");
    assertTrue(libs >= 0 && patchelf > libs, run.out());
    assertEquals(1, lines.stream().filter(l -> l.startsWith("core/patchelf ")).count());
  }

  @Test
  void anUnknownIdentFailsWithOne() {
    Run run = kiln("", "dependents", "core/nope", "-p", WORLD.toString());
    assertEquals(1, run.exit());
    assertTrue(run.err().contains("core/nope"), run.err());
  }
}
