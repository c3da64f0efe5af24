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

/** Base-plans entries: each read with its own pass variables; a plan listed twice. */
class WorldBasePlansTest {

  @TempDir Path tree;

  private String plan(String dir, String body) throws Exception {
    Path file = tree.resolve(dir).resolve("plan.sh");
    Files.createDirectories(file.getParent());
    Files.writeString(file, body);
    return file.toString();
  }

  private World load(String baseList, boolean withoutBase) throws Exception {
    return load(baseList, withoutBase, false);
  }

  private World load(String baseList, boolean withoutBase, boolean strict) throws Exception {
    // p: a first pass without gcc-libs, a second pass that needs it and core/extra.
    String p =
        plan(
            "p",
            """
            pkg_origin=core
            pkg_name=p
            pkg_deps=(core/glibc)
            if [[ -z "${FIRST_PASS:-}" ]]; then
              pkg_deps+=(core/gcc-libs core/extra)
            fi
            """);
    String glibc = plan("glibc", "pkg_origin=core\npkg_name=glibc\n");
    String libs = plan("gcc-libs", "pkg_origin=core\npkg_name=gcc-libs\npkg_deps=(core/p)\n");
    String extra = plan("extra", "pkg_origin=core\npkg_name=extra\npkg_deps=(core/glibc)\n");
    String app = plan("app", "pkg_origin=core\npkg_name=app\npkg_deps=(core/p)\n");
    Path list = tree.resolve("base-plans.txt");
    Files.writeString(list, baseList);
    return World.load(
        new WorldRequest(
            List.of(p, glibc, libs, extra, app),
            EvalContext.DEFAULT_TARGET,
            Set.of(),
            EvalContext.stage1(),
            PlanSource.statically(),
            strict,
            list,
            withoutBase));
  }

  private static List<String> names(List<Plan> plans) {
    return plans.stream().map(pl -> pl.ident().name()).toList();
  }

  @Test
  void aPlanListedTwiceComesAfterWhatItsSecondPassNeeds() throws Exception {
    World world = load("glibc\np FIRST_PASS=true\ngcc-libs\np\n", false);
    assertEquals(List.of("glibc", "gcc-libs", "p", "app", "extra"), names(world.order(false)));
    // The union of both entries' dependencies: the second pass needs core/extra, not a base plan.
    Plan p = world.basePlans().stream().filter(b -> b.ident().name().equals("p")).findFirst().get();
    assertEquals(
        List.of("core/glibc", "core/gcc-libs", "core/extra"),
        p.deps().stream().map(d -> d.ident().toString()).toList());
    assertTrue(
        world.warnings().stream()
            .anyMatch(
                w -> w.endsWith(": base plan core/p needs core/extra, which is not a base plan")),
        world.warnings().toString());
  }

  @Test
  void anEntryWithoutFirstPassIsNotReadAsAFirstPass() throws Exception {
    // The stage1 context of print-deps sets FIRST_PASS=true; a base entry sees only its own.
    World world = load("glibc\ngcc-libs\np\n", false);
    Plan p = world.basePlans().stream().filter(b -> b.ident().name().equals("p")).findFirst().get();
    assertEquals(
        List.of("core/glibc", "core/gcc-libs", "core/extra"),
        p.deps().stream().map(d -> d.ident().toString()).toList());
    World first = load("glibc\np FIRST_PASS=true\n", true);
    Plan firstPass =
        first.basePlans().stream().filter(b -> b.ident().name().equals("p")).findFirst().get();
    assertEquals(
        List.of("core/glibc"), firstPass.deps().stream().map(d -> d.ident().toString()).toList());
  }

  @Test
  void anEntryWithNoPlanInThisTreeIsAWarningNamingTheLineAndFatalWhenStrict() throws Exception {
    World world = load("glibc\ncore-plans/renamed\nextra\n", false);
    assertEquals(List.of("glibc", "extra"), names(List.copyOf(world.basePlans())));
    assertTrue(
        world.warnings().stream()
            .anyMatch(w -> w.contains("base-plans.txt:2") && w.contains("core-plans/renamed")),
        world.warnings().toString());
    var e =
        assertThrows(WorldException.class, () -> load("glibc\nrenamed\nnowhere\n", false, true));
    assertTrue(
        e.getMessage().contains("base-plans.txt:2") && e.getMessage().contains("base-plans.txt:3"),
        e.getMessage());
  }
}
