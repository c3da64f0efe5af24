package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kiln.orchestrator.FakeBuilder;
import kiln.orchestrator.ResultSets;
import kiln.resume.StageName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Change-aware rebuilds on a text-fixture world (fake builds, real plan files): an edited plan and
 * what depends on it are built again, in its stage and the stages after; a touch rebuilds nothing;
 * {@code --dry-run} says what a run would build and why, and builds nothing.
 */
class ChangeAwareRebuildTest {

  @TempDir Path dir;
  FakeParts parts = new FakeParts();
  Path config;

  @BeforeEach
  void distribution() throws Exception {
    for (String plan : "gcc glibc busybox zlib curl git jq".split(" ")) {
      Files.createDirectories(dir.resolve("plans").resolve(plan));
      Files.writeString(
          dir.resolve("plans").resolve(plan).resolve("plan.sh"), "pkg_name=" + plan + "\n");
    }
    Files.writeString(dir.resolve("base-plans.txt"), "plans/gcc\n");
    Files.writeString(dir.resolve("tools.yaml"), "prefix: tools\n");
    config =
        Files.writeString(
            dir.resolve("kiln.yaml"),
            "origin: t\nplans: [plans]\nbase-plans: base-plans.txt\ntoolchain: tools.yaml\n");
    parts.worldUsesBase.put("zlib", List.of("glibc"));
    assertEquals(0, bootstrap().exit());
    assertConsistent();
  }

  CliRun bootstrap(String... args) {
    List<String> all = new ArrayList<>(List.of("--config", config.toString()));
    all.addAll(List.of(args));
    return CliRun.ofCommand(new BootstrapCommand(parts.factory()), all.toArray(String[]::new));
  }

  /** Runs a bootstrap and returns what each stage built, as names. */
  Map<StageName, List<String>> rebuild() {
    Map<StageName, Integer> before = new EnumMap<>(StageName.class);
    parts.builders.forEach((stage, b) -> before.put(stage, b.started.size()));
    CliRun run = bootstrap();
    assertEquals(0, run.exit(), run.err());
    Map<StageName, List<String>> built = new EnumMap<>(StageName.class);
    parts.builders.forEach(
        (stage, b) -> {
          List<String> names = b.startedNames();
          List<String> now = names.subList(before.getOrDefault(stage, 0), names.size());
          if (!now.isEmpty()) {
            built.put(stage, List.copyOf(now));
          }
        });
    return built;
  }

  void assertConsistent() throws Exception {
    Map<StageName, Path> results = new EnumMap<>(StageName.class);
    for (StageName stage : List.of(StageName.STAGE1, StageName.STAGE2, StageName.STAGE3)) {
      results.put(stage, dir.resolve("results-" + stage.id()));
    }
    ResultSets.assertLedgerConsistent(dir.resolve(".kiln"), results);
  }

  @Test
  void anEditedWorldPlanRebuildsItAndItsDependentsOnly() throws Exception {
    Files.writeString(dir.resolve("plans/curl/plan.sh"), "pkg_name=curl\npkg_version=2\n");
    CliRun dry = bootstrap("--dry-run");
    assertEquals(0, dry.exit(), dry.err());
    assertTrue(
        dry.out()
            .contains(
                "stage3: 2 to build, 2 kept\n  t/curl  changed: plan.sh\n"
                    + "  t/git   dependency rebuilt: t/curl\n"),
        dry.out());
    assertTrue(dry.out().contains("stage1: nothing to build, 3 kept"), dry.out());
    assertEquals(Map.of(StageName.STAGE3, List.of("curl", "git")), rebuild());
    assertConsistent();
    assertEquals(Map.of(), rebuild(), "built from what is there now: nothing to do");
  }

  @Test
  void aDryRunBuildsNothingAndLeavesTheLedgerAsItWas() throws Exception {
    Path ledger = dir.resolve(".kiln/ledger");
    String before = ledgerText(ledger);
    Files.writeString(dir.resolve("plans/jq/plan.sh"), "pkg_name=jq\n# fixed\n");
    CliRun dry = bootstrap("--dry-run");
    assertEquals(0, dry.exit(), dry.err());
    assertTrue(dry.out().contains("  t/jq  changed: plan.sh\n"), dry.out());
    assertTrue(dry.out().contains("kiln: 1 build(s) would run; nothing was built"), dry.out());
    assertEquals(before, ledgerText(ledger));
    assertEquals(4, parts.world().started.size(), "nothing was built");
  }

  @Test
  void anEditedBasePlanRebuildsItInStage1AndStage2AndItsWorldDependents() throws Exception {
    Files.writeString(dir.resolve("plans/glibc/plan.sh"), "pkg_name=glibc\npkg_version=2\n");
    CliRun dry = bootstrap("--dry-run");
    assertTrue(dry.out().contains("  t/zlib  dependency rebuilt: t/glibc\n"), dry.out());
    assertEquals(
        Map.of(
            StageName.STAGE1, List.of("glibc", "busybox"),
            StageName.STAGE2, List.of("glibc", "busybox"),
            StageName.STAGE3, List.of("zlib", "curl", "git")),
        rebuild());
    assertConsistent();
  }

  @Test
  void touchingEveryFileRebuildsNothing() throws Exception {
    try (Stream<Path> files = Files.walk(dir.resolve("plans"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(60)));
      }
    }
    CliRun dry = bootstrap("--dry-run");
    assertTrue(dry.out().contains("kiln: nothing would be built"), dry.out());
    assertEquals(Map.of(), rebuild());
    assertConsistent();
  }

  @Test
  void aNewPatchRebuildsThatPlanAndItsDependents() throws Exception {
    Files.writeString(dir.resolve("plans/zlib/fix-overflow.patch"), "--- a\n+++ b\n");
    CliRun dry = bootstrap("--dry-run");
    assertTrue(dry.out().contains("  t/zlib  new patch: fix-overflow.patch\n"), dry.out());
    assertEquals(Map.of(StageName.STAGE3, List.of("zlib", "curl", "git")), rebuild());
    assertConsistent();
  }

  @Test
  void aFailedRebuildLeavesTheOldResultSetConsistentAndIsToldAsFailedBefore() throws Exception {
    Files.writeString(dir.resolve("plans/curl/plan.sh"), "pkg_name=curl\nbroken\n");
    FakeBuilder world = parts.world();
    world.failing("t/curl");
    assertEquals(1, bootstrap().exit());
    assertConsistent();
    world.failing.clear();
    CliRun dry = bootstrap("--dry-run");
    assertTrue(dry.out().contains("  t/curl  failed before\n"), dry.out());
    assertTrue(dry.out().contains("  t/git   skipped before: t/curl failed\n"), dry.out());
    assertEquals(Map.of(StageName.STAGE3, List.of("curl", "git")), rebuild());
    assertConsistent();
  }

  @Test
  void skipAndRetryOfABuiltPlanRebuildItsDependentsToo() throws Exception {
    String config = this.config.toString();
    assertEquals(0, CliRun.ofCommand(new SkipCommand(), "t/zlib", "--config", config).exit());
    assertEquals(0, CliRun.ofCommand(new RetryCommand(), "t/zlib", "--config", config).exit());
    CliRun dry = bootstrap("--dry-run");
    assertTrue(dry.out().contains("  t/curl  dependency rebuilt: t/zlib\n"), dry.out());
    // before: only zlib was built again, and curl's artifact named the zlib moved aside
    assertEquals(Map.of(StageName.STAGE3, List.of("zlib", "curl", "git")), rebuild());
    assertConsistent();
  }

  @Test
  void statusSaysWhyEachQueuedEntryWillBeBuilt() throws Exception {
    Files.writeString(dir.resolve("plans/curl/plan.sh"), "pkg_name=curl\npkg_version=2\n");
    CliRun stopped = bootstrap("--stop-before", "curl");
    assertEquals(1, stopped.exit(), stopped.err());
    assertTrue(
        stopped.err().contains("stage3: t/curl is built again: changed: plan.sh"), stopped.err());
    String text = CliRun.ofCommand(new StatusCommand(), "--config", config.toString()).out();
    assertTrue(text.contains("  to build t/curl: changed: plan.sh\n"), text);
    assertTrue(text.contains("  to build t/git: dependency rebuilt: t/curl\n"), text);
    String json =
        CliRun.ofCommand(new StatusCommand(), "--json", "--config", config.toString()).out();
    assertTrue(json.contains("\"reason\":\"dependency rebuilt: t/curl\""), json);
  }

  @Test
  void kilnRebuildQueuesAPlanWhoseDependentsFollowAcrossAStoppedRun() throws Exception {
    CliRun asked = CliRun.ofCommand(new RebuildCommand(), "t/zlib", "--config", config.toString());
    assertEquals(0, asked.exit(), asked.err());
    assertEquals("queued t/zlib\n", asked.out());
    CliRun dry = bootstrap("--dry-run");
    assertTrue(dry.out().contains("  t/zlib  asked: kiln rebuild\n"), dry.out());
    assertTrue(dry.out().contains("  t/curl  dependency rebuilt: t/zlib\n"), dry.out());
    assertEquals(1, bootstrap("--stop-before", "git").exit());
    assertEquals(List.of("zlib", "curl"), parts.world().startedNames().subList(4, 6));
    assertEquals(Map.of(StageName.STAGE3, List.of("git")), rebuild(), "the rest, resumed");
    assertConsistent();

    CliRun all =
        CliRun.ofCommand(
            new RebuildCommand(), "t/curl", "--with-dependents", "--config", config.toString());
    assertEquals("queued t/curl\nqueued t/git\n", all.out());
    String status = CliRun.ofCommand(new StatusCommand(), "--config", config.toString()).out();
    assertTrue(status.contains("  to build t/git: dependency rebuilt: t/curl\n"), status);
    assertEquals(Map.of(StageName.STAGE3, List.of("curl", "git")), rebuild());
    assertConsistent();
  }

  @Test
  void aDryRunBeforeAnyRunListsEverythingAsNeverBuilt() throws Exception {
    Files.writeString(config, Files.readString(config) + "work: fresh\n");
    CliRun dry = bootstrap("--dry-run");
    assertEquals(0, dry.exit(), dry.err());
    assertTrue(
        dry.out().contains("stage3: 4 to build, 0 kept\n  t/zlib  never built\n"), dry.out());
    assertTrue(Files.notExists(dir.resolve("fresh/ledger")), "no run was started");
  }

  private static String ledgerText(Path ledger) throws Exception {
    StringBuilder text = new StringBuilder();
    try (Stream<Path> files = Files.list(ledger)) {
      for (Path f : files.sorted().toList()) {
        text.append(f).append('\n').append(Files.readString(f));
      }
    }
    return text.toString();
  }
}
