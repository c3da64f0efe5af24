package kiln.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanDiscoveryTest {

  @TempDir Path tree;

  private String plan(String dir, String body) throws Exception {
    Path file = tree.resolve(dir).resolve("plan.sh");
    Files.createDirectories(file.getParent());
    Files.writeString(file, body);
    return file.toString();
  }

  private String plan(String dir, String name, String deps) throws Exception {
    return plan(dir, "pkg_origin=core\npkg_name=" + name + "\npkg_deps=(" + deps + ")\n");
  }

  @Test
  void searchesDirectoriesForPlanShAndHabitatPlanShSkippingHiddenOnes() throws Exception {
    String a = plan("a", "a", "");
    String b = plan("b/habitat", "b", "");
    plan(".git/c", "c", "");
    assertEquals(List.of(a, b), PlanDiscovery.expand(List.of(tree.toString())));
    assertThrows(java.io.IOException.class, () -> PlanDiscovery.expand(List.of(tree + "/nope")));
  }

  @Test
  void aTargetDirectoryPlanBelongsToItsTargetAndWinsThere() throws Exception {
    String generic = plan("curl", "curl", "core/nghttp2");
    String kernel2 = plan("curl/x86_64-linux-kernel2", "curl", "");
    String habitatArm = plan("git/habitat/aarch64-linux", "git", "");
    String gitGeneric = plan("git/habitat", "git", "");
    List<String> all = List.of(generic, kernel2, habitatArm, gitGeneric);
    assertEquals(List.of(generic, gitGeneric), PlanDiscovery.forTarget(all, "x86_64-linux"));
    assertEquals(
        List.of(kernel2, gitGeneric), PlanDiscovery.forTarget(all, "x86_64-linux-kernel2"));
    assertEquals(List.of(generic, habitatArm), PlanDiscovery.forTarget(all, "aarch64-linux"));
    assertThrows(IllegalArgumentException.class, () -> PlanDiscovery.forTarget(all, "mips-linux"));
  }

  @Test
  void duplicateIdentsWarnNamingBothAndTheShallowestPathWins() throws Exception {
    String deep = plan("legacy/old/zlib", "zlib", "");
    String shallow = plan("zlib", "zlib", "core/glibc");
    String twin = plan("zzz", "zlib", "");
    PlanSet set =
        PlanSet.read(
            List.of(deep, twin, shallow), PlanSource.statically(), EvalContext.stage1(), Set.of());
    assertEquals(1, set.plans().size());
    assertEquals(shallow, set.plans().get(0).path());
    // One warning for the ident, naming all three and the plan used (not pairwise verdicts).
    assertEquals(
        List.of(
            "3 plans for core/zlib: "
                + shallow
                + " and "
                + String.join(", ", List.of(deep, twin).stream().sorted(byDepth()).toList())
                + "; using "
                + shallow
                + " (shallowest path, then smallest), leaving out "
                + String.join(", ", List.of(deep, twin).stream().sorted(byDepth()).toList())),
        set.warnings());
  }

  private static java.util.Comparator<String> byDepth() {
    return java.util.Comparator.comparingInt((String p) -> Path.of(p).getNameCount())
        .thenComparing(p -> p);
  }

  @Test
  void withManyPlansForOneIdentEveryWarningNamesTheWinner() throws Exception {
    String a = plan("a/b/zlib", "zlib", "");
    String b = plan("b/zlib", "zlib", "");
    String c = plan("zlib", "zlib", "");
    String d = plan("c/zlib", "zlib", "");
    PlanSet set =
        PlanSet.read(List.of(a, b, c, d), PlanSource.statically(), EvalContext.stage1(), Set.of());
    assertEquals(c, set.plans().get(0).path());
    assertEquals(1, set.warnings().size(), set.warnings().toString());
    String warning = set.warnings().get(0);
    assertTrue(warning.startsWith("4 plans for core/zlib: " + c + " and "), warning);
    assertTrue(warning.contains("; using " + c + " "), warning);
    assertTrue(warning.endsWith("leaving out " + b + ", " + d + ", " + a), warning);
  }

  @Test
  void aPlainPlanAndAHabitatPlanInOneDirectoryAreTwoPlans() throws Exception {
    String plain = plan("tools", "tools", "");
    String habitat = plan("tools/habitat", "tools-hab", "core/tools");
    assertEquals(
        List.of(habitat, plain), PlanDiscovery.forTarget(List.of(plain, habitat), "x86_64-linux"));
    PlanSet set =
        PlanSet.read(
            PlanDiscovery.forTarget(List.of(plain, habitat), "x86_64-linux"),
            PlanSource.statically(),
            EvalContext.stage1(),
            Set.of());
    assertEquals(
        List.of("core/tools", "core/tools-hab"),
        set.plans().stream().map(p -> p.ident().toString()).toList());
    assertEquals(List.of(), set.warnings());
  }

  @Test
  void aPlainPlanAndAHabitatPlanWithOneIdentGoByTheDuplicateRuleWithAWarning() throws Exception {
    String plain = plan("tools", "tools", "");
    String habitat = plan("tools/habitat", "tools", "");
    PlanSet set =
        PlanSet.read(
            PlanDiscovery.forTarget(List.of(habitat, plain, plain), "x86_64-linux"),
            PlanSource.statically(),
            EvalContext.stage1(),
            Set.of());
    assertEquals(List.of(plain), set.plans().stream().map(Plan::path).toList());
    assertEquals(1, set.warnings().size(), set.warnings().toString());
    assertTrue(set.warnings().get(0).contains(habitat), set.warnings().toString());
  }

  @Test
  void unreadablePlansAreSetAsideAndOriginsFiltered() throws Exception {
    String good = plan("good", "good", "");
    String other = plan("other", "pkg_origin=chef\npkg_name=other\n");
    String bad = plan("bad", "pkg_origin=core\n");
    PlanSet set =
        PlanSet.read(
            List.of(good, other, bad),
            PlanSource.statically(),
            EvalContext.stage1(),
            Set.of("core"));
    assertEquals(
        List.of("core/good"), set.plans().stream().map(p -> p.ident().toString()).toList());
    assertEquals(1, set.unreadable().size());
    assertTrue(
        set.unreadable().get(0).toString().startsWith(bad + ":1: no pkg_name"),
        set.unreadable().get(0).toString());
  }

  @Test
  void displayPathDropsPlanShOrHabitatPlanSh() {
    assertEquals("core-plans/zlib", Plan.displayPath("core-plans/zlib/plan.sh"));
    assertEquals("./git", Plan.displayPath("./git/habitat/plan.sh"));
    assertEquals(
        "curl/x86_64-linux-kernel2", Plan.displayPath("curl/x86_64-linux-kernel2/plan.sh"));
  }
}
