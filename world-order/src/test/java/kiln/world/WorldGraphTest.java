package kiln.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorldGraphTest {

  @Test
  void ordersEveryPlanAfterItsDepsSmallestIdentFirstAmongReadyOnes() throws Exception {
    WorldGraph world = WorldGraph.of(TextWorld.load("diamond.txt"));
    assertEquals(List.of("base", "liba", "libb", "app", "tool"), TextWorld.names(world.order()));
  }

  @Test
  void dropsSelfDependencies() throws Exception {
    WorldGraph world = WorldGraph.of(TextWorld.load("diamond.txt"));
    assertEquals(
        List.of("core/base"),
        world.dependenciesOf(TextWorld.ident("tool")).stream()
            .map(e -> e.target().toString())
            .toList());
    assertTrue(world.cycles().isEmpty());
  }

  @Test
  void aDependencyWithoutPlanIsAMissingNodeWithAnEmptyPath() throws Exception {
    WorldGraph world = WorldGraph.of(TextWorld.load("missing.txt"));
    List<Plan> order = world.order();
    assertEquals(List.of("ghost", "other/phantom", "lib", "app"), TextWorld.names(order));
    assertEquals("core/ghost ", order.get(0).line());
    assertEquals("core/lib plans/lib", order.get(2).line());
    assertEquals(
        Map.of(
            TextWorld.ident("ghost"),
            List.of(TextWorld.ident("app"), TextWorld.ident("lib")),
            TextWorld.ident("other/phantom"),
            List.of(TextWorld.ident("lib"))),
        world.missing());
  }

  @Test
  void aCycleIsReportedWithMembersLoopLinesBlockedPlansAndABreaker() {
    WorldGraph world = WorldGraph.of(TextWorld.load("toolchain.txt"));
    var e = assertThrows(DependencyCycleException.class, world::order);
    assertEquals(1, e.cycles().size());
    DependencyCycle cycle = e.cycles().get(0);
    assertEquals(
        List.of("binutils", "gcc", "gmp", "m4"),
        cycle.members().stream().map(PackageIdent::name).toList());
    assertEquals(
        "[core/binutils -> core/gcc (worlds/toolchain.txt:4), "
            + "core/gcc -> core/binutils (worlds/toolchain.txt:5)]",
        cycle.loop().toString());
    assertEquals(
        List.of("curl", "openssl", "zlib"),
        cycle.blocked().stream().map(PackageIdent::name).toList());
    // Cutting gcc -> gmp leaves the 2-cycle; cutting gcc -> binutils would leave 3 plans.
    assertEquals("core/gcc -> core/gmp (worlds/toolchain.txt:5)", cycle.breaker().toString());
    assertEquals(2, cycle.leftInCycle(), "binutils <-> gcc remains");
    String report = cycle.describe();
    assertTrue(report.contains("loop: core/binutils -> core/gcc -> core/binutils"), report);
    assertTrue(report.contains("--without-base"), report);
  }

  @Test
  void aCycleReportNamesFiftyBlockedPlansAndTheCommandThatListsThemAll() {
    StringBuilder text = new StringBuilder("a: b\nb: a\n");
    for (int i = 0; i < 60; i++) {
      text.append(String.format("p%02d: a\n", i));
    }
    WorldGraph world = WorldGraph.of(TextWorld.parse(text.toString(), Path.of("w.txt")));
    String report = world.cycles().get(0).describe();
    assertTrue(report.contains("blocks 60 plans: core/p00 core/p01 "), report);
    assertTrue(report.contains(" core/p49 ... (10 more; "), report);
    assertTrue(!report.contains("core/p50"), report);
    assertTrue(
        report.contains("all of them: kiln dependents core/a, with the same plans on stdin"),
        report);
    // And that command does list them: dependents walks a world with a cycle.
    List<String> dependents =
        TextWorld.names(world.dependentsOf(List.of(PackageIdent.of("core", "a")), false).plans());
    assertEquals(61, dependents.size(), dependents.toString());
    assertTrue(dependents.containsAll(List.of("b", "p00", "p50", "p59")), dependents.toString());
  }

  @Test
  void allowingCyclesOrdersTheRestCorrectly() {
    WorldGraph world = WorldGraph.of(TextWorld.load("toolchain.txt"));
    List<String> order = TextWorld.names(world.orderAllowingCycles());
    assertEquals(
        List.of(
            "linux-headers",
            "glibc",
            "binutils",
            "gcc",
            "m4",
            "gmp",
            "standalone",
            "zlib",
            "openssl",
            "curl"),
        order);
    assertEquals(order, TextWorld.names(world.orderAllowingCycles()), "deterministic");
  }

  @Test
  void withoutTheBaseItsEdgesCountAsSatisfiedAndItsCycleBlocksNothing() throws Exception {
    WorldGraph world = WorldGraph.of(TextWorld.load("toolchain.txt"));
    Set<PackageIdent> base =
        Set.of(
            TextWorld.ident("binutils"),
            TextWorld.ident("gcc"),
            TextWorld.ident("gmp"),
            TextWorld.ident("m4"),
            TextWorld.ident("glibc"),
            TextWorld.ident("linux-headers"));
    assertEquals(
        List.of("standalone", "zlib", "openssl", "curl"),
        TextWorld.names(world.without(base).order()));
  }

  @Test
  void dependentsAreTransitiveOrDirectInBuildOrderWithAChainEach() {
    WorldGraph world = WorldGraph.of(TextWorld.load("toolchain.txt"));
    Dependents all = world.dependentsOf(List.of(TextWorld.ident("zlib")), false);
    assertEquals(List.of("openssl", "curl"), TextWorld.names(all.plans()));
    assertEquals(
        "[core/curl -> core/openssl (worlds/toolchain.txt:10), "
            + "core/openssl -> core/zlib (worlds/toolchain.txt:9)]",
        all.chain(TextWorld.ident("curl")).toString());
    Dependents direct = world.dependentsOf(List.of(TextWorld.ident("glibc")), true);
    assertEquals(
        List.of("binutils", "gcc", "m4", "gmp", "standalone", "zlib"),
        TextWorld.names(direct.plans()));
    assertThrows(
        IllegalArgumentException.class,
        () -> world.dependentsOf(List.of(TextWorld.ident("nope")), false));
  }

  @Test
  void aVeryDeepWorldWithACycleIsOrderedWithoutRunningOutOfStack() {
    // 50,000 plans in one chain under a cycle: finding the cycle walks the whole chain, and a
    // recursive walk (JGraphT's Gabow, say) would run out of stack.
    StringBuilder text = new StringBuilder("p0:\n");
    for (int i = 1; i < 50_000; i++) {
      text.append('p').append(i).append(": p").append(i - 1).append('\n');
    }
    text.append("a: p49999 b\nb: a\n");
    WorldGraph world = WorldGraph.of(TextWorld.parse(text.toString(), Path.of("w.txt")));
    assertEquals(
        List.of("a", "b"),
        world.cycles().get(0).members().stream().map(PackageIdent::name).toList());
    List<String> order = TextWorld.names(world.orderAllowingCycles());
    assertEquals(50_002, order.size());
    assertEquals(List.of("p49999", "a", "b"), order.subList(49_999, 50_002));
  }
}
