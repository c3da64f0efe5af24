package kiln.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanReaderTest {

  @TempDir Path tree;

  private Path write(String relative, String text) throws Exception {
    Path file = tree.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  /** Reads a plan as a user gives it: relative to the tree, so messages show short paths. */
  private PlanReading readRelative(Path plan) throws UnreadablePlanException {
    return new PlanReader().read(relative(plan), EvalContext.stage1());
  }

  private static Path relative(Path file) {
    return Path.of("").toAbsolutePath().relativize(file);
  }

  @Test
  void countsTheElementsOfAnArray() throws Exception {
    Path plan =
        write(
            "count/plan.sh",
            """
            pkg_origin=core
            pkg_name=count
            arr=(one "two words")
            if [[ ${#arr[@]} == 2 && "${#arr[*]}" -eq 2 ]]; then
              pkg_deps=(core/two)
            fi
            pkg_version="${#arr[@]}.${#arr}"
            """);
    PlanReading reading = new PlanReader().read(plan, EvalContext.stage1());
    assertEquals(List.of("core/two"), Fixtures.deps(reading.plan()));
    assertEquals("2.3", reading.plan().version(), "${#arr} is the length of the first element");
    assertEquals(List.of(), reading.warnings());
  }

  @Test
  void versionAndReleaseOfADependencyAreValidatedNamingFileLineAndValue() throws Exception {
    Map<String, String> bad =
        Map.of(
            "core/a/1.0/notarelease", "invalid release 'notarelease'",
            "core/a/1.0/2020", "invalid release '2020'",
            "\"core/a/1 0\"", "invalid version '1 0'",
            "core/a/1.0/20201399000000", "invalid release '20201399000000'");
    for (Map.Entry<String, String> e : bad.entrySet()) {
      Path plan =
          write(
              "dep/plan.sh",
              "pkg_origin=core\npkg_name=dep\npkg_deps=(\n  core/ok\n  " + e.getKey() + "\n)\n");
      var failure =
          assertThrows(UnreadablePlanException.class, () -> readRelative(plan), e.getKey());
      assertEquals(5, failure.diagnostic().where().line(), failure.getMessage());
      assertTrue(failure.getMessage().contains(e.getValue()), failure.getMessage());
      assertTrue(
          failure.getMessage().contains("invalid dependency in pkg_deps"), failure.getMessage());
    }
    Path good =
        write(
            "good/plan.sh",
            "pkg_origin=core\npkg_name=good\npkg_deps=(core/a/1.0-rc1+x core/b/2/20200101123059)\n");
    assertEquals(
        List.of("core/a", "core/b"),
        Fixtures.deps(readRelative(good).plan()),
        "cut to origin/name");
  }

  @Test
  void aProblemInASourcedFileNamesThePlanLeftOutAndTheChain() throws Exception {
    Path plan = write("x/y/plan.sh", "pkg_origin=core\npkg_name=y\n. ../../m/plan.sh\n");
    write("m/plan.sh", "pkg_name=m\n. ../shared/common.sh\n");
    var e = assertThrows(UnreadablePlanException.class, () -> readRelative(plan));
    Path given = relative(plan);
    Path m = given.resolve("../../../m/plan.sh").normalize();
    Path missing = given.resolve("../../shared/common.sh").normalize();
    assertEquals(
        given
            + ": unreadable, left out: "
            + m
            + ":2 (sourced from "
            + given
            + ":3): sources '../shared/common.sh', which does not exist ("
            + missing
            + ")",
        e.diagnostic().leftOut());
  }

  @Test
  void warningsAboutASharedSourcedFileAppearOncePerPlan() throws Exception {
    write("shared/common.sh", "pkg_deps=(core/glibc $(uname -m))\n");
    Path a = write("a/plan.sh", "pkg_origin=core\npkg_name=a\nsource ../shared/common.sh\n");
    Path b = write("b/plan.sh", "pkg_origin=core\npkg_name=b\n\n. ../shared/common.sh\n");
    PlanSet set =
        PlanSet.read(
            List.of(relative(a).toString(), relative(b).toString()),
            PlanSource.statically(),
            EvalContext.stage1(),
            Set.of());
    assertEquals(2, set.warnings().size(), set.warnings().toString());
    assertTrue(
        set.warnings().get(0).contains("(sourced from " + relative(a) + ":3)"),
        set.warnings().toString());
    assertTrue(
        set.warnings().get(1).contains("(sourced from " + relative(b) + ":4)"),
        set.warnings().toString());
  }

  @Test
  void readsMultiLineArraysQuotingCommentsAndExpansions() throws Exception {
    Plan plan = Fixtures.read("messy").plan();
    assertEquals(PackageIdent.of("core", "messy"), plan.ident());
    assertEquals(
        List.of(
            "core/gcc",
            "core/make",
            "core/pkg-config",
            "core/glibc",
            "core/zlib",
            "core/openssl",
            "core/libmessy-data",
            "core/tab-sep",
            "core/scaffolding-messy"),
        Fixtures.deps(plan));
    assertEquals(DepKind.BUILD, plan.deps().get(0).kind());
    assertEquals(DepKind.SCAFFOLDING, plan.deps().get(8).kind());
  }

  @Test
  void recordsTheLineOfEachDependency() throws Exception {
    Plan plan = Fixtures.read("messy").plan();
    Map<String, Integer> lines =
        Map.of("core/glibc", 12, "core/zlib", 13, "core/make", 19, "core/pkg-config", 20);
    for (Dependency dep : plan.deps()) {
      Integer line = lines.get(dep.ident().toString());
      if (line != null) {
        assertEquals(line, dep.declaredAt().line(), dep.toString());
        assertEquals(Fixtures.plan("messy"), dep.declaredAt().file());
      }
    }
  }

  @Test
  void skipsFunctionsAndLeavesTheVersionToAVersionFunction() throws Exception {
    PlanReading reading = Fixtures.read("messy");
    assertTrue(Fixtures.deps(reading.plan()).stream().noneMatch(d -> d.contains("not-a-dep")));
    assertTrue(Fixtures.deps(reading.plan()).stream().noneMatch(d -> d.contains("heredoc")));
    assertNull(reading.plan().version(), "a pkg_version() function decides the version");
    assertEquals(List.of(), reading.warnings(), "nothing dynamic touches deps or name");
  }

  @Test
  void evaluatesStage1ConditionsCaseAndForLoops() throws Exception {
    Plan plan = Fixtures.read("conditions").plan();
    assertEquals(
        List.of(
            "core/stage1-gcc",
            "core/glibc",
            "core/any-stage",
            "core/bootstrap-tools",
            "core/ncurses",
            "core/readline"),
        Fixtures.deps(plan));
    assertEquals("1.0", plan.version());
  }

  @Test
  void theEvaluationContextIsAParameter() throws Exception {
    EvalContext stage2 = new EvalContext(Map.of("STUDIO_TYPE", "stage2"));
    assertEquals(
        List.of(
            "core/stage2-gcc",
            "core/glibc",
            "core/gcc-libs",
            "core/not-stage1",
            "core/any-stage",
            "core/bootstrap-tools",
            "core/ncurses",
            "core/readline"),
        Fixtures.deps(Fixtures.read("conditions", stage2).plan()));
    EvalContext world = EvalContext.stage1().with("STUDIO_TYPE", "default");
    assertEquals(
        List.of(
            "core/gcc",
            "core/glibc",
            "core/gcc-libs",
            "core/not-stage1",
            "core/ncurses",
            "core/readline"),
        Fixtures.deps(Fixtures.read("conditions", world).plan()));
  }

  @Test
  void sourcedPlansAreOverriddenAndKeepTheirOwnLines() throws Exception {
    Plan variant = Fixtures.read("variant").plan();
    assertEquals("core/variant", variant.ident().toString());
    assertEquals("1.0.0", variant.version());
    assertEquals(
        List.of("core/gcc", "core/glibc", "core/zlib", "core/extra"), Fixtures.deps(variant));
    Dependency glibc = variant.deps().get(1);
    assertEquals(Fixtures.plan("base"), glibc.declaredAt().file().toAbsolutePath().normalize());
    assertEquals(5, glibc.declaredAt().line());
    assertEquals(3, variant.deps().get(3).declaredAt().line());
  }

  @Test
  void recordsTheFilesAPlanSourcesEachOnce() throws Exception {
    write("shared/common.sh", "pkg_deps=(core/zlib)\nsource ../shared/more.sh\n");
    write("shared/more.sh", "pkg_build_deps=(core/gcc)\n");
    Path plan =
        write(
            "a/plan.sh",
            "pkg_origin=core\npkg_name=a\nsource ../shared/common.sh\nsource"
                + " ../shared/common.sh\n");
    assertEquals(
        List.of(tree.resolve("shared/common.sh"), tree.resolve("shared/more.sh")),
        readRelative(plan).plan().sources(),
        "what the plan is made of besides its own folder: for kiln affected");
    Path plain = write("b/plan.sh", "pkg_origin=core\npkg_name=b\n");
    assertEquals(List.of(), readRelative(plain).plan().sources());
  }

  @Test
  void followsTheDirnameBashSourceIdiom() throws Exception {
    Plan idiom = Fixtures.read("idiom").plan();
    assertEquals("core/base-idiom", idiom.ident().toString());
    assertEquals(List.of("core/gcc", "core/glibc", "core/zlib", "core/more"), Fixtures.deps(idiom));
    Plan nested = Fixtures.read("nested/sub").plan();
    assertEquals("core/nested", nested.ident().toString());
    assertEquals(List.of("core/gcc", "core/glibc", "core/zlib"), Fixtures.deps(nested));
  }

  @Test
  void takesTheOriginFromHabOriginWhenThePlanSetsNone() throws Exception {
    var e = assertThrows(UnreadablePlanException.class, () -> Fixtures.read("no-origin"));
    assertTrue(e.getMessage().contains("HAB_ORIGIN"), e.getMessage());
    EvalContext mine = EvalContext.stage1().with("HAB_ORIGIN", "mine");
    assertEquals("mine/no-origin", Fixtures.read("no-origin", mine).plan().ident().toString());
  }

  @Test
  void warnsWithFileAndLineWhereItCannotEvaluate() throws Exception {
    PlanReading reading = Fixtures.read("dynamic");
    assertEquals(List.of("core/glibc"), Fixtures.deps(reading.plan()));
    List<String> warnings = reading.warnings().stream().map(Diagnostic::toString).toList();
    assertEquals(3, warnings.size(), String.join("\n", warnings));
    assertTrue(
        warnings.get(0).contains("dynamic/plan.sh:3: ") && warnings.get(0).contains("uname"),
        warnings.get(0));
    assertTrue(
        warnings.get(1).contains("dynamic/plan.sh:4: ") && warnings.get(1).contains("condition"),
        warnings.get(1));
    assertTrue(
        warnings.get(2).contains(":7: ") && warnings.get(2).contains("CUSTOM_FLAG"),
        warnings.get(2));
  }

  @Test
  void aPlanSourcingAMissingFileIsUnreadableAtThatLine() {
    var e = assertThrows(UnreadablePlanException.class, () -> Fixtures.read("missing-source"));
    assertEquals(3, e.diagnostic().where().line());
    assertTrue(e.getMessage().contains("../does-not-exist/plan.sh"), e.getMessage());
  }

  @Test
  void namesAndDependenciesAreValidatedNamingFileLineAndValue() {
    var noName = assertThrows(UnreadablePlanException.class, () -> Fixtures.read("no-name"));
    assertTrue(noName.getMessage().contains("no pkg_name"), noName.getMessage());
    var badName = assertThrows(UnreadablePlanException.class, () -> Fixtures.read("bad-name"));
    assertTrue(
        badName.getMessage().contains("bad-name/plan.sh:2: invalid pkg_name 'bad name'"),
        badName.getMessage());
    var badDep = assertThrows(UnreadablePlanException.class, () -> Fixtures.read("bad-dep"));
    assertTrue(
        badDep.getMessage().contains("bad-dep/plan.sh:5: ")
            && badDep.getMessage().contains("'zlib'"),
        badDep.getMessage());
  }

  @Test
  void aSyntaxErrorIsUnreadableWithTheLineItStartsOn() {
    var e = assertThrows(UnreadablePlanException.class, () -> Fixtures.read("unterminated"));
    assertEquals(3, e.diagnostic().where().line(), e.getMessage());
    assertTrue(e.getMessage().contains("quote"), e.getMessage());
  }

  @Test
  void stepsOverTheBashPlansUseAroundTheSettings() throws Exception {
    PlanReading reading = Fixtures.read("syntax");
    assertEquals(
        List.of(
            "core/gcc",
            "core/make",
            "core/stage1-extra",
            "core/regex-matched",
            "core/after-heredoc",
            "core/scaffolding-base"),
        Fixtures.deps(reading.plan()));
    assertEquals(List.of(), reading.warnings());
  }

  @Test
  void keepsSelfDependenciesForTheGraphToDrop() throws Exception {
    assertEquals(List.of("core/self", "core/gcc"), Fixtures.deps(Fixtures.read("self").plan()));
  }
}
