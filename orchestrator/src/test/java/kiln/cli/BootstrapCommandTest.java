package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kiln.resume.StageName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootstrapCommandTest {

  @TempDir Path dir;
  FakeParts parts = new FakeParts();
  Path config;

  @BeforeEach
  void distribution() throws Exception {
    Files.createDirectories(dir.resolve("plans"));
    Files.writeString(dir.resolve("base-plans.txt"), "plans/gcc\n");
    Files.writeString(dir.resolve("tools.yaml"), "prefix: tools\n");
    config =
        Files.writeString(
            dir.resolve("kiln.yaml"),
            "origin: t\nplans: [plans]\nbase-plans: base-plans.txt\ntoolchain: tools.yaml\n");
  }

  CliRun bootstrap(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--config";
    all[1] = config.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return CliRun.ofCommand(new BootstrapCommand(parts.factory()), all);
  }

  @Test
  void runsEveryStageAndWritesTheWorldOrder() throws Exception {
    CliRun run = bootstrap();
    assertEquals(0, run.exit(), run.err());
    assertEquals(1, parts.tarballsMade);
    for (StageName stage : List.of(StageName.STAGE1, StageName.STAGE2)) {
      assertEquals(List.of("gcc", "glibc", "busybox"), parts.builders.get(stage).startedNames());
    }
    assertEquals(4, parts.world().builds.size());
    assertTrue(Files.exists(dir.resolve("results-stage3").resolve("t-git.hart")));
    assertEquals(
        "plans/zlib\nplans/curl\nplans/git\nplans/jq\n",
        Files.readString(dir.resolve("stage3_world_order")));
    assertEquals(
        Files.readString(dir.resolve("stage3_world_order")),
        Files.readString(dir.resolve("stage3_world_order.working")));
    assertTrue(run.err().contains("[stage3 4/4] built t/jq"), run.err());

    CliRun again = bootstrap();
    assertEquals(0, again.exit(), again.err());
    assertEquals(1, parts.tarballsMade, "stage0 is resumed like any stage");
    assertEquals(4, parts.world().started.size(), "nothing rebuilt");
  }

  @Test
  void aWorldFailureSetsItsDependentsAsideAndTheRerunBuildsOnlyThose() throws Exception {
    parts.builder(StageName.STAGE3, dir.resolve("results-stage3")).failing("t/curl");
    CliRun run = bootstrap();
    assertEquals(1, run.exit());
    assertTrue(run.err().contains("FAILED t/curl: exit code 1"), run.err());
    assertTrue(run.err().contains("  | error: it broke"), "the log's tail: " + run.err());
    assertTrue(run.err().contains("skipped t/git: t/curl failed"), run.err());
    assertTrue(
        run.err().contains("kiln: stage3 has 1 failure(s): `kiln status` lists them"), run.err());
    assertFalse(run.err().contains("next stage"), "stage3 is the last stage: " + run.err());
    assertFalse(run.err().contains("--force stage3"), run.err());
    assertEquals(
        "plans/zlib\nplans/jq\n", Files.readString(dir.resolve("stage3_world_order.working")));

    parts.world().failing.clear();
    assertEquals(0, bootstrap().exit());
    assertEquals(List.of("zlib", "curl", "jq", "curl", "git"), parts.world().startedNames());
  }

  @Test
  void aStageWithFailuresDoesNotHandOverUnlessForced() throws Exception {
    parts.builder(StageName.STAGE1, dir.resolve("results-stage1")).failing("t/busybox");
    CliRun run = bootstrap();
    assertEquals(1, run.exit());
    assertTrue(run.err().contains("stage1 has 1 failure(s); the next stage waits"), run.err());
    assertFalse(parts.builders.containsKey(StageName.STAGE2));

    CliRun onlyStage2 = bootstrap("--only", "stage2");
    assertEquals(1, onlyStage2.exit());
    assertTrue(onlyStage2.err().contains("stage1 has 1 plan(s) not built"), onlyStage2.err());

    CliRun forced = bootstrap("--from", "stage2", "--force", "stage1");
    assertEquals(0, forced.exit(), forced.err());
    assertEquals(4, parts.world().builds.size());
  }

  @Test
  void stopsBeforeAPlanAndFailsFast() throws Exception {
    CliRun stopped = bootstrap("--stop-before", "glibc");
    assertEquals(1, stopped.exit());
    assertTrue(stopped.err().contains("stopped before t/glibc as asked"), stopped.err());
    assertEquals(List.of("gcc"), parts.builders.get(StageName.STAGE1).startedNames());

    parts.builder(StageName.STAGE3, dir.resolve("results-stage3")).failing("t/zlib");
    CliRun fast = bootstrap("--fail-fast", "-j", "1");
    assertEquals(1, fast.exit());
    assertTrue(
        fast.err().contains("stage3 stopped at its first failure (--fail-fast)"), fast.err());
    assertEquals(List.of("zlib"), parts.world().startedNames());
  }

  @Test
  void refusesConflictingStageOptionsAsAUsageError() {
    CliRun run = bootstrap("--from", "stage1", "--only", "stage2");
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("give --from or --only, not both"), run.err());
    assertEquals(2, bootstrap("--only", "stage9").exit());
  }

  @Test
  void reportsEveryConfigProblem() throws Exception {
    Files.writeString(config, "origin: t\njobs: none\n");
    CliRun run = bootstrap();
    assertEquals(1, run.exit());
    assertTrue(run.err().startsWith("kiln: " + config + " has 4 problems:"), run.err());
  }

  @Test
  void theProductCommandRunsTheRealStage0AndNamesTheSpecsProblems() {
    // The fixture's tools.yaml is not a valid spec: the real stage0 (no fakes) must say why.
    CliRun run = CliRun.ofCommand(new BootstrapCommand(), "--config", config.toString());
    assertEquals(1, run.exit());
    assertTrue(run.err().contains("FAILED t/tools-tarball: stage0 ("), run.err());
    assertTrue(run.err().contains("tools.yaml has 2 problems"), run.err());
  }

  @Test
  void skipAndRetryWorkOnTheLedger() throws Exception {
    parts.builder(StageName.STAGE3, dir.resolve("results-stage3")).failing("t/zlib");
    assertEquals(1, bootstrap().exit());

    CliRun skip = CliRun.ofCommand(new SkipCommand(), "t/zlib", "--config", config.toString());
    assertEquals(0, skip.exit(), skip.err());
    assertEquals(
        "skipped t/zlib\nskipped (depends on it) t/curl\nskipped (depends on it) t/git\n",
        skip.out());
    parts.world().failing.clear();
    assertEquals(0, bootstrap().exit(), "what is left is built or set aside by the user");
    assertEquals(List.of("zlib", "jq"), parts.world().startedNames());
    String status = CliRun.ofCommand(new StatusCommand(), "--config", config.toString()).out();
    assertTrue(
        status.contains("stage3: 1 built, 0 failed, 3 skipped, 0 timed out, 0 pending"), status);
    assertTrue(status.contains("skipped by the user: t/zlib"), status);

    CliRun retry = CliRun.ofCommand(new RetryCommand(), "t/zlib", "--config", config.toString());
    assertEquals(0, retry.exit(), retry.err());
    assertEquals("queued t/zlib\nqueued t/curl\nqueued t/git\n", retry.out());
    assertEquals(0, bootstrap().exit());
    assertEquals(List.of("zlib", "jq", "zlib", "curl", "git"), parts.world().startedNames());
  }

  @Test
  void aBasePlanSkippedByHandAndThePlansSkippedBecauseOfItDoNotBlockTheNextStage()
      throws Exception {
    parts.builder(StageName.STAGE1, dir.resolve("results-stage1")).failing("t/glibc");
    assertEquals(1, bootstrap().exit());
    CliRun skip =
        CliRun.ofCommand(
            new SkipCommand(), "t/glibc", "--stage", "stage1", "--config", config.toString());
    assertEquals(0, skip.exit(), skip.err());
    assertTrue(skip.out().contains("skipped (depends on it) t/busybox"), skip.out());

    CliRun run = bootstrap();
    assertEquals(0, run.exit(), run.err());
    assertTrue(parts.builders.containsKey(StageName.STAGE2), "stage1 handed over: " + run.err());
    assertEquals(4, parts.world().builds.size());
    String status = CliRun.ofCommand(new StatusCommand(), "--config", config.toString()).out();
    assertTrue(status.contains("stage1: 1 built, 0 failed, 2 skipped"), status);
  }

  @Test
  void skipAndRetryNameWhatTheyCannotFind() throws Exception {
    assertEquals(0, bootstrap().exit());
    CliRun skip = CliRun.ofCommand(new SkipCommand(), "t/nothing", "--config", config.toString());
    assertEquals(1, skip.exit());
    assertTrue(skip.err().startsWith("kiln: stage3 has no plan 't/nothing'"), skip.err());
    CliRun retry = CliRun.ofCommand(new RetryCommand(), "t/zlib", "--config", config.toString());
    assertEquals(1, retry.exit());
    assertTrue(retry.err().contains("t/zlib is built"), retry.err());
  }

  @Test
  void aNewRunBuildsAgainAndAnEarlierRunCanBeResumedById() throws Exception {
    CliRun first = bootstrap();
    assertEquals(0, first.exit(), first.err());
    String firstRun = first.err().replaceAll("(?s).*kiln: run (\\S+) .*", "$1");
    assertEquals(0, bootstrap("--new-run").exit());
    assertEquals(8, parts.world().started.size(), "a new run builds the world again");
    CliRun back = bootstrap("--run", firstRun);
    assertEquals(0, back.exit(), back.err());
    assertTrue(back.err().contains("kiln: run " + firstRun + " "), back.err());
    // the new run overwrote the same artifact files, so the first run's records no longer verify
    assertTrue(
        back.err().contains("t-zlib.hart is missing or changed; t/zlib will be built again"),
        back.err());
    assertEquals(12, parts.world().started.size());
    CliRun unknown = bootstrap("--run", "19990101T000000Z-0000");
    assertEquals(1, unknown.exit());
    assertTrue(unknown.err().contains("no run '19990101T000000Z-0000'"), unknown.err());
  }

  @Test
  void aFailedToolsTarballIsRecordedAndStopsThePipeline() throws Exception {
    parts.stage0Failure = "tools.yaml: gcc source missing";
    CliRun run = bootstrap();
    assertEquals(1, run.exit());
    assertTrue(
        run.err().contains("FAILED t/tools-tarball: tools.yaml: gcc source missing"), run.err());
    assertTrue(run.err().contains("stage0 has 1 failure(s)"), run.err());
    assertFalse(parts.builders.containsKey(StageName.STAGE1));
    parts.stage0Failure = null;
    assertEquals(0, bootstrap().exit());
    assertEquals(2, parts.tarballsMade);
  }

  @Test
  void aFailedStageCheckStopsBeforeTheNextStage() throws Exception {
    parts.checkFailure = "results-stage2/t-gcc.hart refers to /tools (its interpreter)";
    CliRun run = bootstrap();
    assertEquals(1, run.exit());
    assertTrue(
        run.err().endsWith("kiln: results-stage2/t-gcc.hart refers to /tools (its interpreter)\n"),
        run.err());
    assertFalse(parts.builders.containsKey(StageName.STAGE3));
  }
}
