package kiln.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --eval against the real bash: it must agree with the static reader on the fixtures. */
class BashPlanSourceTest {

  private static final List<String> AGREEING =
      List.of("messy", "conditions", "variant", "idiom", "nested/sub", "self", "base", "syntax");

  @Test
  void bashAndTheStaticReaderAgreeOnTheFixtures() throws Exception {
    List<Path> files = AGREEING.stream().map(Fixtures::plan).toList();
    for (EvalContext context :
        List.of(EvalContext.stage1(), new EvalContext(Map.of("STUDIO_TYPE", "stage2")))) {
      List<PlanOutcome> outcomes = new BashPlanSource(note -> {}).readAll(files, context);
      for (int i = 0; i < files.size(); i++) {
        Plan evaluated = outcomes.get(i).reading().plan();
        Plan read = new PlanReader().read(files.get(i), context).plan();
        assertEquals(read.ident(), evaluated.ident());
        assertEquals(read.version(), evaluated.version(), read.ident().toString());
        assertEquals(Fixtures.deps(read), Fixtures.deps(evaluated), read.ident().toString());
        assertEquals(
            read.deps().stream().map(Dependency::declaredAt).toList(),
            evaluated.deps().stream().map(Dependency::declaredAt).toList(),
            "lines borrowed from the static reader");
      }
    }
  }

  @Test
  void aHangingPlanTimesOutAndTheRestIsStillRead() {
    Path slow = Fixtures.plans().resolveSibling("slow").resolve("plan.sh");
    List<Path> files = List.of(Fixtures.plan("base"), slow, Fixtures.plan("variant"));
    List<PlanOutcome> outcomes =
        new BashPlanSource(note -> {}, Duration.ofSeconds(2)).readAll(files, EvalContext.stage1());
    assertEquals("core/base", outcomes.get(0).reading().plan().ident().toString());
    assertNull(outcomes.get(1).reading());
    assertTrue(
        outcomes.get(1).failure().message().contains("longer than 2 s"),
        outcomes.get(1).failure().toString());
    assertEquals("core/variant", outcomes.get(2).reading().plan().ident().toString());
  }

  @Test
  void unreadablePlansAreReportedAsByTheStaticReader() {
    List<String> dirs = List.of("missing-source", "no-name", "bad-name", "bad-dep");
    List<Path> files = new ArrayList<>(dirs.stream().map(Fixtures::plan).toList());
    List<PlanOutcome> outcomes =
        new BashPlanSource(note -> {}).readAll(files, EvalContext.stage1());
    for (int i = 0; i < dirs.size(); i++) {
      assertNotNull(outcomes.get(i).failure(), dirs.get(i));
    }
    assertTrue(outcomes.get(0).failure().message().contains("does-not-exist"));
    assertTrue(outcomes.get(2).failure().message().contains("'bad name'"));
    assertTrue(outcomes.get(3).failure().message().contains("'zlib'"));
  }

  @TempDir Path tree;

  private Path write(String relative, String text) throws Exception {
    Path file = tree.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return Path.of("").toAbsolutePath().relativize(file);
  }

  @Test
  void unreadablePlansHaveTheStaticReadersFileLineAndWords() throws Exception {
    List<Path> files =
        new ArrayList<>(
            List.of("missing-source", "no-name", "bad-name", "bad-dep", "no-origin").stream()
                .map(Fixtures::plan)
                .toList());
    files.add(write("x/y/plan.sh", "pkg_origin=core\npkg_name=y\n\n. ../../m/plan.sh\n"));
    write("m/plan.sh", "pkg_name=m\n  . ../shared/common.sh\n");
    files.add(
        write(
            "release/plan.sh",
            "pkg_origin=core\npkg_name=release\npkg_build_deps=(core/gcc)\n"
                + "pkg_deps=(\n  core/glibc\n  core/a/1.0/2020\n)\n"));
    EvalContext context = EvalContext.stage1().without("HAB_ORIGIN");
    List<PlanOutcome> outcomes = new BashPlanSource(note -> {}).readAll(files, context);
    for (int i = 0; i < files.size(); i++) {
      Path file = files.get(i);
      var expected =
          assertThrows(UnreadablePlanException.class, () -> new PlanReader().read(file, context));
      assertNotNull(outcomes.get(i).failure(), file.toString());
      assertEquals(expected.diagnostic(), outcomes.get(i).failure(), file.toString());
      assertTrue(
          outcomes.get(i).failure().where().line() > 0, outcomes.get(i).failure().toString());
    }
    assertTrue(
        outcomes.get(5).failure().leftOut().startsWith(files.get(5) + ": unreadable, left out: "),
        outcomes.get(5).failure().leftOut());
  }

  @Test
  void whereTheReaderCannotSeeTheSettingTheFileIsNamedAndSaidSo() throws Exception {
    Path plan =
        write(
            "dynamic/plan.sh", "pkg_origin=core\nset_name() { pkg_name='bad name'; }\nset_name\n");
    PlanOutcome outcome =
        new BashPlanSource(note -> {}).readAll(List.of(plan), EvalContext.stage1()).get(0);
    assertEquals(
        plan
            + ": invalid pkg_name 'bad name' (letters, digits, '-' and '_' only)"
            + " (bash set it; the line is not known)",
        outcome.failure().toString());
  }

  @Test
  void aPlanBashCannotParseIsUnreadableWithBashsOwnMessageAndLine() throws Exception {
    List<Path> files =
        List.of(
            // Once "no pkg_name is set": bash stopped before the name.
            write("early/plan.sh", "pkg_origin=core\nif true; then\n  pkg_name=early\n"),
            // Once accepted without a word: bash stopped after the settings.
            write(
                "late/plan.sh",
                "pkg_name=late\npkg_origin=core\npkg_deps=(core/a)\nf() {\n  echo )\n}\n"),
            write("shared/plan.sh", "pkg_name=shared\npkg_origin=core\n. ../lib/common.sh\n"));
    write("lib/common.sh", "helper() {\n  case $1 in\n}\n");
    List<PlanOutcome> outcomes =
        new BashPlanSource(note -> {}).readAll(files, EvalContext.stage1());
    assertEquals(
        files.get(0) + ":4: bash: syntax error: unexpected end of file",
        outcomes.get(0).failure().toString());
    assertEquals(
        files.get(1) + ":5: bash: syntax error near unexpected token `)'",
        outcomes.get(1).failure().toString());
    assertEquals(
        files.get(2).resolveSibling("../lib/common.sh").normalize()
            + ":3: bash: syntax error near unexpected token `}'",
        outcomes.get(2).failure().toString());
  }
}
