package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import kiln.orchestrator.TickingClock;
import kiln.orchestrator.Worlds;
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
    config = FakeParts.distribution(dir);
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
    assertTrue(
        run.err().contains("  stage3: 4 built, 0 failed, 0 skipped, 0 timed out in "), run.err());
    assertTrue(run.err().contains("  longest builds:\n"), run.err());
    assertTrue(run.err().contains("  critical path of stage3 ("), run.err());

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
  void stopBeforeAPlanNotInTheRunIsRefusedBeforeAnythingBuildsNamingThePlansThatAre() {
    CliRun typo = bootstrap("--stop-before", "glibx");
    assertEquals(1, typo.exit());
    assertTrue(
        typo.err().contains("--stop-before glibx: no plan of this run is called so"), typo.err());
    assertTrue(typo.err().contains("t/gcc, t/glibc, t/busybox, t/zlib, t/curl"), typo.err());
    assertEquals(0, parts.tarballsMade, "nothing runs: " + typo.err());

    CliRun otherStage = bootstrap("--only", "stage1", "--stop-before", "t/curl");
    assertEquals(1, otherStage.exit());
    assertTrue(otherStage.err().contains("--stop-before t/curl: no plan of this run"));
    assertFalse(parts.builders.containsKey(StageName.STAGE1), "nothing built");
  }

  @Test
  void refusesConflictingStageOptionsAsAUsageError() {
    CliRun run = bootstrap("--from", "stage1", "--only", "stage2");
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("give --from or --only, not both"), run.err());
    assertEquals(2, bootstrap("--only", "stage9").exit());
  }

  @Test
  void jobsOutsideOneTo256AreAUsageErrorAsInKilnYaml() {
    for (String jobs : List.of("0", "257", "100000")) {
      CliRun run = bootstrap("-j", jobs);
      assertEquals(2, run.exit(), run.err());
      assertTrue(
          run.err().contains("-j " + jobs + ": want a whole number from 1 to 256"), run.err());
      assertEquals(0, parts.tarballsMade, "nothing runs");
    }
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
  void aConfiguredToolsTarballThatIsNotOneStopsStage1BeforeAnyBuildWithTheReason()
      throws Exception {
    Files.writeString(dir.resolve("tools.tar.xz"), "a web page saved by mistake\n".repeat(10));
    Files.writeString(
        config,
        "origin: t\nplans: [plans]\nbase-plans: base-plans.txt\ntools-tarball: tools.tar.xz\n");
    CliRun run = CliRun.ofCommand(new BootstrapCommand(), "--config", config.toString());
    assertEquals(1, run.exit(), run.err());
    assertTrue(
        run.err()
            .contains(
                "stage1: the tools tarball "
                    + dir.resolve("tools.tar.xz")
                    + " (kiln.yaml 'tools-tarball') cannot be unpacked at /tools:"),
        run.err());
    assertTrue(run.err().contains("not an xz file"), run.err());
    assertFalse(run.err().contains("building t/"), "no build starts: " + run.err());

    CliRun status = CliRun.ofCommand(new StatusCommand(), "--config", config.toString());
    assertFalse(status.out().contains("building"), "no entry is left building: " + status.out());
  }

  @Test
  void aDependencyNoPlanProvidesFailsItsPlanWithFileAndLineBeforeAnyStudio() throws Exception {
    for (String plan : "gcc glibc busybox ministd testkit zlib curl git jq".split(" ")) {
      Files.delete(dir.resolve("plans").resolve(plan).resolve("plan.sh"));
    }
    writePlan("gcc", "");
    writePlan("zlib", "pkg_build_deps=(t/gcc)\n");
    writePlan("curl", "pkg_deps=(t/zlib)\npkg_build_deps=(\n  t/gcc\n  t/nghttp9\n)\n");
    writePlan("git", "pkg_deps=(t/curl)\n");
    BootstrapCommand.PartsFactory reading =
        cfg -> {
          kiln.orchestrator.PipelineParts fake = parts.factory().create(cfg);
          return new kiln.orchestrator.PipelineParts(
              fake.stage0(),
              new kiln.orchestrator.parts.PlanLists(),
              fake.builders(),
              fake.checks());
        };
    CliRun run =
        CliRun.ofCommand(new BootstrapCommand(reading), "--config", config.toString(), "-j", "1");
    assertEquals(1, run.exit(), run.err());
    String where = dir.resolve("plans/curl/plan.sh") + ":7: pkg_build_deps names t/nghttp9";
    assertTrue(run.err().contains(where), run.err());
    assertTrue(run.err().indexOf(where) < run.err().indexOf("building t/gcc"), "told first");
    assertFalse(run.err().contains("--install"), run.err());
    assertEquals(List.of("zlib"), parts.world().startedNames(), "curl never reaches a studio");
    assertTrue(run.err().contains("skipped t/git: t/curl failed"), run.err());
    String log = Files.readString(dir.resolve(".kiln/logs/stage3/t-curl.log").toRealPath());
    assertTrue(log.contains(where), log);
  }

  private void writePlan(String name, String deps) throws java.io.IOException {
    Files.writeString(
        dir.resolve("plans").resolve(name).resolve("plan.sh"),
        "pkg_name=" + name + "\npkg_origin=t\npkg_version=1\n" + deps);
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
  void statusShowsEachAttemptWithTheTimesTheLedgerRecorded() throws Exception {
    Instant start = Instant.parse("2026-12-01T10:00:00Z");
    parts.builder(StageName.STAGE3, dir.resolve("results-stage3")).failing("t/curl");
    parts.world().timingOut.add("t/jq");
    BootstrapCommand command =
        new BootstrapCommand(parts.factory(), new TickingClock(start, Duration.ofSeconds(1)));
    assertEquals(1, CliRun.ofCommand(command, "--config", config.toString(), "-j", "1").exit());
    JsonNode world = new ObjectMapper().readTree(status("--json").out()).get("stages").get(3);
    Map<String, String> outcomes = new TreeMap<>();
    for (JsonNode plan : world.get("plans")) {
      for (JsonNode attempt : plan.get("attempts")) {
        Instant started = Instant.parse(attempt.get("started").asText());
        Instant ended = Instant.parse(attempt.get("ended").asText());
        assertTrue(started.isAfter(start), attempt.toString());
        assertEquals(Duration.ofSeconds(1), Duration.between(started, ended), attempt.toString());
        assertEquals(1.0, attempt.get("seconds").asDouble(), attempt.toString());
        outcomes.put(plan.get("ident").asText(), attempt.get("outcome").asText());
      }
    }
    assertEquals(Map.of("t/zlib", "built", "t/curl", "failed", "t/jq", "timed_out"), outcomes);
  }

  @Test
  void statusExitsFourWhileFailuresOrSkipsRemainAndNamesTheRunAndEachFailure() throws Exception {
    parts.builder(StageName.STAGE3, dir.resolve("results-stage3")).failing("t/curl");
    parts.world().timingOut.add("t/jq");
    assertEquals(1, bootstrap().exit());
    CliRun text = status();
    assertEquals(4, text.exit(), "failures remain: " + text.out());
    assertTrue(text.out().contains("  failed t/curl  log: "), text.out());
    assertTrue(text.out().contains("    exit code 1\n"), "the failure's line: " + text.out());
    CliRun json = status("--json");
    assertEquals(4, json.exit(), json.err());
    JsonNode root = new ObjectMapper().readTree(json.out());
    String run = Files.readString(dir.resolve(".kiln/ledger/current")).trim();
    assertEquals(run, root.get("run").asText());
    assertFalse(root.get("running").asBoolean(), "no kiln runs now");
    Map<String, JsonNode> world = new TreeMap<>();
    root.get("stages").get(3).get("plans").forEach(p -> world.put(p.get("ident").asText(), p));
    assertEquals("exit code 1", world.get("t/curl").get("reason").asText());
    assertTrue(world.get("t/curl").get("log").asText().endsWith("t-curl.1.log"));
    assertEquals("no output for 1h", world.get("t/jq").get("reason").asText());
    assertEquals(1, world.get("t/jq").get("attempts").size(), "its attempt count");

    parts.world().failing.clear();
    parts.world().timingOut.clear();
    assertEquals(0, bootstrap().exit());
    assertEquals(0, status().exit(), "nothing remains");
    assertEquals(2, statusPlan("t/curl").get("attempts").size(), "failed, then built");
  }

  @Test
  void aPlanDeletedFromTheTreeIsReportedAsLeftAndCountsNoMore() throws Exception {
    parts.builder(StageName.STAGE3, dir.resolve("results-stage3")).failing("t/curl");
    assertEquals(1, bootstrap().exit());
    deleteTree(dir.resolve("plans/curl"));
    parts.world = "zlib\ngit: zlib\njq\n"; // git no longer needs curl

    CliRun before = status();
    assertTrue(
        before.out().contains("stage3: 2 built, 0 failed, 1 skipped, 0 timed out"), before.out());
    assertTrue(
        before.out().contains("  left: t/curl (was failed): its plan plans/curl is no longer"),
        before.out());

    CliRun rerun = bootstrap();
    assertEquals(0, rerun.exit(), rerun.err());
    CliRun after = status("--json");
    assertEquals(0, after.exit(), "what bootstrap says, status says: " + after.out());
    JsonNode world = new ObjectMapper().readTree(after.out()).get("stages").get(3);
    assertEquals(3, world.get("built").asInt());
    assertEquals(0, world.get("failed").asInt());
    assertEquals(3, world.get("plans").size(), world.toString());
    JsonNode left = world.get("left").get(0);
    assertEquals("t/curl", left.get("ident").asText());
    assertEquals("failed", left.get("was").asText());
    assertEquals("the stage's plan list no longer holds it", left.get("why").asText());
  }

  private static void deleteTree(Path root) throws java.io.IOException {
    try (java.util.stream.Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  JsonNode statusPlan(String ident) throws Exception {
    for (JsonNode plan :
        new ObjectMapper().readTree(status("--json").out()).get("stages").get(3).get("plans")) {
      if (plan.get("ident").asText().equals(ident)) {
        return plan;
      }
    }
    throw new AssertionError("no " + ident);
  }

  CliRun status(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--config";
    all[1] = config.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return CliRun.ofCommand(new StatusCommand(), all);
  }

  static final String TOOLS_SHEBANG =
      "refers to /tools: /hab/pkgs/t/glibc/1/2/bin/ldd (script): #!/tools/bin/bash";

  @Test
  void anArtifactFailingTheCheckAfterStage2IsRecordedFailedAndStopsStage3() throws Exception {
    parts.checkFailures.put("t-glibc.hart", TOOLS_SHEBANG);
    CliRun run = bootstrap();
    assertEquals(1, run.exit());
    assertTrue(run.err().contains("kiln: stage2: 1 artifact(s) fail the check"), run.err());
    assertTrue(run.err().contains("  t/glibc: " + TOOLS_SHEBANG), run.err());
    assertTrue(run.err().contains("or --force stage2 to go on without them"), run.err());
    assertFalse(parts.builders.containsKey(StageName.STAGE3));

    String text = status().out();
    assertTrue(text.contains("stage2: 2 built, 1 failed"), text);
    assertTrue(text.contains("  failed t/glibc  log: "), text);
    assertTrue(text.contains("    " + TOOLS_SHEBANG), text);
    JsonNode glibc = new ObjectMapper().readTree(status("--json").out()).get("stages").get(2);
    assertEquals("stage2", glibc.get("name").asText());
    JsonNode plan = glibc.get("plans").get(1);
    assertEquals("t/glibc", plan.get("ident").asText());
    assertEquals("failed", plan.get("status").asText());
    assertEquals(TOOLS_SHEBANG, plan.get("reason").asText());
    assertTrue(Files.readString(Path.of(plan.get("log").asText())).contains(TOOLS_SHEBANG));
  }

  @Test
  void theCheckHoldsHoweverStage3IsReachedAndOnlyForceStage2GoesPast() throws Exception {
    parts.checkFailures.put("t-glibc.hart", TOOLS_SHEBANG);
    // stage2 built while forced and without stage3: the check did not run then
    CliRun forced = bootstrap("--skip", "stage3", "--force", "stage2");
    assertEquals(0, forced.exit(), forced.err());
    assertTrue(parts.checked.isEmpty());
    assertFalse(parts.builders.containsKey(StageName.STAGE3), "--skip stage3");

    CliRun from = bootstrap("--from", "stage3");
    assertEquals(1, from.exit());
    assertTrue(from.err().contains("kiln: stage2: 1 artifact(s) fail the check"), from.err());
    assertFalse(parts.builders.containsKey(StageName.STAGE3), "the hand-over checked first");

    CliRun only = bootstrap("--only", "stage3");
    assertEquals(1, only.exit());
    assertTrue(only.err().contains("stage2 has 1 plan(s) not built"), only.err());
    assertFalse(parts.builders.containsKey(StageName.STAGE3));

    CliRun past = bootstrap("--only", "stage3", "--force", "stage2");
    assertEquals(0, past.exit(), past.err());
    assertEquals(4, parts.world().builds.size());
    assertEquals(
        List.of(
            dir.resolve("results-stage2/t-gcc.hart"), dir.resolve("results-stage2/t-busybox.hart")),
        parts.contexts.get(StageName.STAGE3).previousArtifacts(),
        "stage3 goes on without the failed plan's artifact");
  }

  /** One byte changed in place, size and modification time as they were: disk rot, a bad copy. */
  private static void damageInPlace(Path artifact) throws Exception {
    var modified = Files.getLastModifiedTime(artifact);
    byte[] bytes = Files.readAllBytes(artifact);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(artifact, bytes);
    Files.setLastModifiedTime(artifact, modified);
  }

  @Test
  void anArtifactDamagedInPlaceIsBuiltAgainOnResume() throws Exception {
    assertEquals(0, bootstrap().exit());
    Path zlib = dir.resolve("results-stage3/t-zlib.hart");
    damageInPlace(zlib);
    CliRun again = bootstrap();
    assertEquals(0, again.exit(), again.err());
    assertTrue(
        again.err().contains(zlib + " is missing or changed; t/zlib will be built again"),
        again.err());
    assertEquals(
        7,
        parts.world().started.size(),
        "t/zlib built again, and its dependents t/curl and t/git on it: " + parts.world().started);
    CliRun third = bootstrap();
    assertEquals(7, parts.world().started.size(), "the new artifact verifies: " + third.err());
  }

  @Test
  void aDamagedArtifactOfAStageNotRunNowStopsTheHandOverNamingItAndWhatToDo() throws Exception {
    assertEquals(0, bootstrap().exit());
    Path glibc = dir.resolve("results-stage2/t-glibc.hart");
    damageInPlace(glibc);
    CliRun only = bootstrap("--only", "stage3");
    assertEquals(1, only.exit(), only.err());
    assertTrue(only.err().contains(glibc.toString()), only.err());
    assertTrue(only.err().contains("no longer has the content it was built with"), only.err());
    assertTrue(only.err().contains("kiln bootstrap --from stage2"), only.err());
    CliRun from = bootstrap("--from", "stage2");
    assertEquals(0, from.exit(), from.err());
    assertTrue(from.err().contains("t/glibc will be built again"), from.err());
  }

  @Test
  void theNextStageInstallsExactlyTheArtifactsTheLedgerRecordsAndStraysAreMovedAside()
      throws Exception {
    assertEquals(0, bootstrap().exit());
    // a build published this artifact and kiln was killed before recording it
    Path stray = Files.writeString(dir.resolve("results-stage1/t-gcc-20990101000000.hart"), "x");
    CliRun stage2 = bootstrap("--only", "stage2");
    assertEquals(0, stage2.exit(), stage2.err());
    List<Path> stage1 =
        List.of(
            dir.resolve("results-stage1/t-gcc.hart"),
            dir.resolve("results-stage1/t-glibc.hart"),
            dir.resolve("results-stage1/t-busybox.hart"));
    assertEquals(stage1, parts.contexts.get(StageName.STAGE2).previousArtifacts());

    CliRun stage1Again = bootstrap("--only", "stage1");
    assertEquals(0, stage1Again.exit(), stage1Again.err());
    Path aside = dir.resolve(".kiln/superseded/stage1/t-gcc-20990101000000.hart");
    assertFalse(Files.exists(stray));
    assertEquals("x", Files.readString(aside), "moved, not deleted");
    assertTrue(
        stage1Again.err().contains("stage1: moved " + stray + " to " + aside), stage1Again.err());
    try (var left = Files.list(dir.resolve("results-stage1"))) {
      assertEquals(
          stage1.stream().map(Path::getFileName).sorted().toList(),
          left.filter(f -> f.toString().endsWith(".hart"))
              .map(Path::getFileName)
              .sorted()
              .toList());
    }
  }

  @Test
  void aPlanBuiltTwiceInTheBaseListKeepsBothArtifacts() throws Exception {
    parts.base = "ministd FIRST_PASS=true\ntestkit: ministd\nministd: testkit\n";
    CliRun run = bootstrap();
    assertEquals(0, run.exit(), run.err());
    assertFalse(run.err().contains("moved"), run.err());
    assertEquals(
        List.of(
            dir.resolve("results-stage1/t-ministd-FIRST_PASS=true.hart"),
            dir.resolve("results-stage1/t-testkit.hart"),
            dir.resolve("results-stage1/t-ministd.hart")),
        parts.contexts.get(StageName.STAGE2).previousArtifacts());
    assertTrue(Files.exists(dir.resolve("results-stage2/t-ministd-FIRST_PASS=true.hart")));
    assertTrue(Files.exists(dir.resolve("results-stage2/t-ministd.hart")));
  }

  @Test
  void skipLeavesAStageOut() throws Exception {
    CliRun run = bootstrap("--skip", "stage2", "--skip", "stage3");
    assertEquals(0, run.exit(), run.err());
    assertEquals(1, parts.tarballsMade);
    assertTrue(parts.builders.containsKey(StageName.STAGE1));
    assertFalse(parts.builders.containsKey(StageName.STAGE2));
    assertFalse(parts.builders.containsKey(StageName.STAGE3));

    CliRun rest = bootstrap("--skip", "stage0", "--skip", "stage1");
    assertEquals(0, rest.exit(), rest.err());
    assertEquals(1, parts.tarballsMade);
    assertEquals(3, parts.builders.get(StageName.STAGE1).builds.size(), "stage1 not run again");
    assertEquals(3, parts.builders.get(StageName.STAGE2).builds.size());
    assertEquals(4, parts.world().builds.size());
    assertEquals(2, bootstrap("--skip", "stage0", "--only", "stage0").exit(), "nothing left");
  }

  @Test
  void aConfiguredToolsTarballSkipsStage0AndStage1UsesIt() throws Exception {
    Path tarball = Files.writeString(dir.resolve("tools-ready.tar.xz"), "tools");
    Files.writeString(
        config,
        "origin: t\nplans: [plans]\nbase-plans: base-plans.txt\ntools-tarball: tools-ready.tar.xz\n");
    CliRun run = bootstrap();
    assertEquals(0, run.exit(), run.err());
    assertEquals(0, parts.tarballsMade, "no stage0");
    assertEquals(
        Optional.of(tarball),
        parts.contexts.get(StageName.STAGE1).toolsTarball().map(Path::toAbsolutePath));
    assertEquals(4, parts.world().builds.size());
    String text = status().out();
    assertFalse(text.contains("stage0"), "the ledger has no stage0: " + text);
    assertEquals(0, bootstrap("--only", "stage0").exit(), "stage0 has nothing to do");
  }

  @Test
  void aFixedPlanIsRebuiltAndOnlyItsNewArtifactIsChecked() throws Exception {
    parts.checkFailures.put("t-glibc.hart", TOOLS_SHEBANG);
    assertEquals(1, bootstrap().exit());
    assertEquals(3, parts.checked.size(), "each stage2 artifact checked once");
    parts.checkFailures.clear(); // the plan is fixed

    CliRun fixed = bootstrap();
    assertEquals(0, fixed.exit(), fixed.err());
    assertEquals(2, parts.builders.get(StageName.STAGE2).builds.get(Worlds.key("glibc")));
    assertEquals(
        2,
        parts.builders.get(StageName.STAGE2).builds.get(Worlds.key("busybox")),
        "busybox was built on the glibc that failed the check: built again on the fixed one");
    assertEquals(5, parts.checked.size(), "only the rebuilt artifacts are checked again");
    assertEquals(dir.resolve("results-stage2/t-glibc.hart"), parts.checked.get(3).toAbsolutePath());
    assertEquals(
        dir.resolve("results-stage2/t-busybox.hart"), parts.checked.get(4).toAbsolutePath());
    assertEquals(4, parts.world().builds.size());

    assertEquals(0, bootstrap("--only", "stage3").exit());
    assertEquals(5, parts.checked.size(), "what passed is in the ledger: not checked again");
  }
}
