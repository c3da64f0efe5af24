package kiln.world.affected;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import kiln.testing.GitRepository;
import kiln.world.EvalContext;
import kiln.world.PackageIdent;
import kiln.world.PlanSource;
import kiln.world.World;
import kiln.world.WorldRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kiln affected on a real git repository of plans: a chain a <- b <- c <- d, b sourcing a shared
 * file, c applying a shared patch by its path, e on its own, f needing the plan {@code gone}.
 */
class AffectedTest {

  @TempDir Path dir;
  private GitRepository repo;
  private String base;

  @BeforeEach
  void plans() throws Exception {
    repo = new GitRepository(dir);
    repo.write("README.md", "the plans\n");
    repo.write("a/plan.sh", plan("a"));
    repo.write("b/plan.sh", plan("b", "core/a") + "source ../shared/common.sh\n");
    repo.write("shared/common.sh", "pkg_license=('MIT')\n");
    repo.write(
        "c/plan.sh",
        plan("c", "core/b")
            + "do_prepare() {\n  patch -p1 < \"$PLAN_CONTEXT/../patches/fix.patch\"\n}\n");
    repo.write("patches/fix.patch", "--- a\n+++ b\n");
    repo.write("patches/other.patch", "--- a\n+++ b\n");
    repo.write("d/plan.sh", plan("d", "core/c"));
    repo.write("e/plan.sh", plan("e"));
    repo.write("gone/plan.sh", plan("gone"));
    repo.write("gone/gone.patch", "--- a\n");
    repo.write("f/plan.sh", plan("f", "core/gone"));
    base = repo.commit("the plans");
  }

  private static String plan(String name, String... deps) {
    return "pkg_origin=core\npkg_name="
        + name
        + "\npkg_version=1.0\npkg_deps=("
        + String.join(" ", deps)
        + ")\n";
  }

  private AffectedPlans since(String rev) throws Exception {
    return Affected.find(world(), GitChanges.since(dir, rev), EvalContext.stage1());
  }

  private World world() throws Exception {
    WorldRequest request =
        new WorldRequest(
            List.of(dir.toString()),
            EvalContext.DEFAULT_TARGET,
            Set.of(),
            EvalContext.stage1(),
            PlanSource.statically(),
            false,
            null,
            false);
    return World.load(request);
  }

  private List<String> names(AffectedPlans found) throws Exception {
    return found.in(world().order(false)).stream().map(p -> p.ident().name()).toList();
  }

  @Test
  void anEditedPlanAffectsItselfAndItsDependentsInBuildOrder() throws Exception {
    repo.write("b/plan.sh", plan("b", "core/a") + "source ../shared/common.sh\npkg_version=2\n");
    AffectedPlans found = since(base);
    assertEquals(List.of("b", "c", "d"), names(found));
    assertTrue(found.why(PackageIdent.of("core", "b")).contains("in its folder"));
    assertEquals("depends on core/b", found.why(PackageIdent.of("core", "d")));
  }

  @Test
  void anEditedFileSourcedFromOutsideThePlanFolderAffectsThePlansSourcingIt() throws Exception {
    repo.write("shared/common.sh", "pkg_license=('Apache-2.0')\n");
    repo.commit("a new license");
    AffectedPlans found = since(base);
    assertEquals(List.of("b", "c", "d"), names(found));
    assertTrue(found.why(PackageIdent.of("core", "b")).contains("sourced by it"));
  }

  @Test
  void aSharedPatchNamedByItsPathAffectsThePlanApplyingIt() throws Exception {
    repo.write("patches/fix.patch", "--- a\n+++ b\n@@ changed @@\n");
    AffectedPlans found = since(base);
    assertEquals(List.of("c", "d"), names(found));
    assertTrue(
        found.why(PackageIdent.of("core", "c")).contains("named by it as ../patches/fix.patch"));
  }

  @Test
  void aPatchAddedToAPlanFolderAffectsThePlanCommittedOrNot() throws Exception {
    repo.write("a/new.patch", "--- a\n");
    assertEquals(List.of("a", "b", "c", "d"), names(since(base)), "an untracked file counts");
  }

  @Test
  void aDeletedFileOfAPlanAffectsThePlanAndItsDependents() throws Exception {
    repo.delete("patches/fix.patch");
    repo.commit("the shared patch is no longer needed");
    assertEquals(List.of("c", "d"), names(since(base)));
  }

  @Test
  void aDeletedPlanIsNamedFromItsFormerTextAndItsDependentsAreAffected() throws Exception {
    repo.delete("gone/plan.sh");
    repo.delete("gone/gone.patch");
    AffectedPlans found = since(base);
    assertEquals(List.of("f"), names(found));
    DeletedPlan gone = found.deleted().get(0);
    assertEquals(PackageIdent.of("core", "gone"), gone.ident());
    assertEquals(dir.resolve("gone/plan.sh"), gone.planFile());
    assertEquals("depends on the deleted plan core/gone", found.why(PackageIdent.of("core", "f")));
    assertEquals(List.of(), found.touchingNothing(), "the deleted plan's patch was its own");
  }

  @Test
  void aDeletedPlanNamedByTheUserIsFoundByItsFolderAmongTheMissingDependencies() throws Exception {
    repo.delete("gone/plan.sh");
    AffectedPlans found =
        Affected.find(
            world(),
            ChangeSource.files(List.of(dir.resolve("gone/plan.sh"))),
            EvalContext.stage1());
    assertEquals(PackageIdent.of("core", "gone"), found.deleted().get(0).ident());
    assertEquals(List.of("f"), names(found));
  }

  @Test
  void anAddedPlanIsAffected() throws Exception {
    repo.write("g/plan.sh", plan("g", "core/e"));
    repo.commit("a new plan");
    AffectedPlans found = since(base);
    assertEquals(List.of("g"), names(found));
    assertEquals(
        "g/plan.sh (a new plan)", found.why(PackageIdent.of("core", "g")).replace(dir + "/", ""));
  }

  @Test
  void aFileThatIsNoPlansInputAffectsNothingAndIsToldSo() throws Exception {
    repo.write("README.md", "the plans, explained\n");
    repo.write("patches/other.patch", "--- no plan applies this\n");
    AffectedPlans found = since(base);
    assertEquals(List.of(), names(found));
    assertEquals(
        List.of(dir.resolve("README.md"), dir.resolve("patches/other.patch")),
        found.touchingNothing().stream().map(Change::file).sorted().toList());
  }

  @Test
  void noChangeAffectsNothing() throws Exception {
    AffectedPlans found = since("HEAD");
    assertEquals(List.of(), found.changes());
    assertNull(found.why(PackageIdent.of("core", "a")));
  }

  @Test
  void anUnknownRevisionIsAnErrorNamingItAndTheRepository() {
    AffectedException e =
        assertThrows(AffectedException.class, () -> GitChanges.since(dir, "no-such-branch"));
    assertTrue(e.getMessage().contains("--since no-such-branch: no such commit"), e.getMessage());
    assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
  }

  @Test
  void aFolderOutsideAnyRepositoryIsAnError(@TempDir Path elsewhere) {
    AffectedException e =
        assertThrows(AffectedException.class, () -> GitChanges.since(elsewhere, "HEAD"));
    assertTrue(e.getMessage().contains("is not in a git repository"), e.getMessage());
  }
}
