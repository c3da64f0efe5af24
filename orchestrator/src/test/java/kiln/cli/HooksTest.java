package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import kiln.orchestrator.LedgerLines;
import kiln.resume.StageName;
import kiln.testing.ChildJvm;
import kiln.testing.Processes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kiln.yaml's hooks on the fake stages of {@link FakeParts} (base gcc, glibc, busybox; world zlib,
 * curl: zlib, git: curl, jq), each hook a real bash command appending a line to {@code order.log}.
 */
class HooksTest {

  /** Each hook's line: the hook, the stage, the entry and how it ended, where they apply. */
  static final String RECORD =
      "echo \"$KILN_HOOK $KILN_STAGE${KILN_IDENT:+ $KILN_IDENT}${KILN_OUTCOME:+ $KILN_OUTCOME}\""
          + " >> order.log";

  @TempDir Path dir;
  FakeParts parts = new FakeParts();
  Path config;

  @BeforeEach
  void distribution() throws Exception {
    FakeParts.planTree(dir, "gcc glibc busybox zlib curl git jq");
    hooks("");
  }

  /** kiln.yaml with every hook running {@link #RECORD} after {@code extra} (a line of bash). */
  void hooks(String extra) throws Exception {
    Files.writeString(dir.resolve("hook.sh"), extra + "\n" + RECORD + "\n");
    StringBuilder yaml =
        new StringBuilder(
            "origin: t\nplans: [plans]\nbase-plans: base-plans.txt\ntoolchain: tools.yaml\n"
                + "hooks:\n");
    for (String hook : List.of("before-stage", "after-stage", "before-build", "after-build")) {
      yaml.append("  ").append(hook).append(": bash hook.sh\n");
    }
    config = Files.writeString(dir.resolve("kiln.yaml"), yaml.append("  timeout: 5s\n"));
  }

  CliRun bootstrap(String... args) {
    List<String> all = new ArrayList<>(List.of("--config", config.toString()));
    all.addAll(List.of(args));
    return CliRun.ofCommand(new BootstrapCommand(parts.factory()), all.toArray(String[]::new));
  }

  List<String> order() throws Exception {
    Path log = dir.resolve("order.log");
    return Files.exists(log) ? Files.readAllLines(log) : List.of();
  }

  /**
   * bash that prints {@code says} and exits with {@code code} when {@code $KILN_HOOK $KILN_STAGE
   * $KILN_IDENT} is {@code when}, e.g. {@code before-build stage3 t/curl}.
   */
  static String failWhen(String when, String says, int code) {
    return "if [ \"$KILN_HOOK $KILN_STAGE${KILN_IDENT:+ $KILN_IDENT}\" = '"
        + when
        + "' ]; then\n  echo '"
        + says
        + "'; exit "
        + code
        + "\nfi";
  }

  /** The lines of one stage whose entries all build: each build wrapped, the stage wrapped. */
  static List<String> stage(String stage, String outcome, String... entries) {
    List<String> lines = new ArrayList<>();
    lines.add("before-stage " + stage);
    for (String entry : entries) {
      lines.add("before-build " + stage + " " + entry);
      lines.add("after-build " + stage + " " + entry + " built");
    }
    lines.add("after-stage " + stage + " " + outcome);
    return lines;
  }

  static List<String> all(List<List<String>> parts) {
    return parts.stream().flatMap(List::stream).toList();
  }

  static final List<String> STAGE0 = stage("stage0", "complete", "t/tools-tarball");

  @Test
  void eachStageIsWrappedInItsHooksAndEachBuildInItsOwnInOrder() throws Exception {
    CliRun run = bootstrap();
    assertEquals(0, run.exit(), run.err());
    assertEquals(
        all(
            List.of(
                STAGE0,
                stage("stage1", "complete", "t/gcc", "t/glibc", "t/busybox"),
                stage("stage2", "complete", "t/gcc", "t/glibc", "t/busybox"),
                stage("stage3", "complete", "t/zlib", "t/curl", "t/git", "t/jq"))),
        order());

    List<String> first = order();
    CliRun again = bootstrap();
    assertEquals(0, again.exit(), again.err());
    assertEquals(first, order(), "a finished run resumed runs no hook");
  }

  @Test
  void eachHookIsToldWhatItRunsForAndNothingElse() throws Exception {
    Files.writeString(
        dir.resolve("hook.sh"),
        "[ \"$KILN_STAGE\" = stage3 ] || exit 0\n"
            + "mkdir -p env\n"
            + "env | grep -E '^KILN_("
            + String.join("|", VARIABLES)
            + ")=' | sort"
            + " > \"env/$KILN_HOOK${KILN_IDENT:+-${KILN_IDENT#t/}}\"\n"
            + "[ \"$KILN_HOOK\" != after-build ] || test -f \"$KILN_ARTIFACT\"\n");
    CliRun run = bootstrap();
    assertEquals(0, run.exit(), run.err());

    String runId = Files.readString(dir.resolve(".kiln/ledger/current")).strip();
    Map<String, String> common = new TreeMap<>();
    common.put("KILN_STAGE", "stage3");
    common.put("KILN_RUN_ID", runId);
    common.put("KILN_CONFIG", config.toString());
    common.put("KILN_WORK", dir.resolve(".kiln").toString());
    common.put("KILN_RESULTS", dir.resolve("results-stage3").toString());
    Map<String, String> build = new TreeMap<>(common);
    build.put("KILN_IDENT", "t/curl");
    build.put("KILN_ARGS", "");
    build.put("KILN_PLAN", dir.resolve("plans/curl").toString());
    build.put("KILN_LOG", dir.resolve(".kiln/logs/stage3/t-curl.1.log").toString());

    assertEquals(with(common, "KILN_HOOK", "before-stage"), env("before-stage"));
    assertEquals(with(build, "KILN_HOOK", "before-build"), env("before-build-curl"));
    Map<String, String> after = with(build, "KILN_HOOK", "after-build");
    after.put("KILN_OUTCOME", "built");
    after.put("KILN_ARTIFACT", dir.resolve("results-stage3/t-curl.hart").toString());
    assertEquals(after, env("after-build-curl"));
    Map<String, String> stageEnd = with(common, "KILN_HOOK", "after-stage");
    stageEnd.putAll(
        Map.of(
            "KILN_OUTCOME",
            "complete",
            "KILN_BUILT",
            "4",
            "KILN_FAILED",
            "0",
            "KILN_SKIPPED",
            "0"));
    assertEquals(stageEnd, env("after-stage"));
  }

  /** Every variable docs/hooks.md lists (a developer's own KILN_JAVA_OPTS is no hook's). */
  static final List<String> VARIABLES =
      List.of(
          "HOOK",
          "STAGE",
          "RUN_ID",
          "CONFIG",
          "WORK",
          "RESULTS",
          "IDENT",
          "ARGS",
          "PLAN",
          "LOG",
          "OUTCOME",
          "ARTIFACT",
          "BUILT",
          "FAILED",
          "SKIPPED");

  static Map<String, String> with(Map<String, String> map, String key, String value) {
    Map<String, String> copy = new TreeMap<>(map);
    copy.put(key, value);
    return copy;
  }

  Map<String, String> env(String file) throws Exception {
    Map<String, String> env = new TreeMap<>();
    for (String line : Files.readAllLines(dir.resolve("env").resolve(file))) {
      int eq = line.indexOf('=');
      env.put(line.substring(0, eq), line.substring(eq + 1));
    }
    return env;
  }

  @Test
  void aFailingBeforeBuildHookFailsThatBuildWithItsOutputInTheLogAndSkipsItsDependents()
      throws Exception {
    hooks(failWhen("before-build stage3 t/curl", "no room for curl", 3));
    CliRun run = bootstrap();
    assertEquals(1, run.exit(), run.err());
    assertTrue(
        run.err().contains("FAILED t/curl: before-build hook failed: exit code 3"), run.err());
    assertTrue(run.err().contains("  | no room for curl"), "the log's tail: " + run.err());
    assertTrue(run.err().contains("skipped t/git: t/curl failed"), run.err());
    assertEquals(List.of("zlib", "jq"), parts.world().startedNames(), "curl's build never ran");
    String log = Files.readString(dir.resolve(".kiln/logs/stage3/t-curl.1.log"));
    assertEquals(
        "kiln: before-build hook: bash hook.sh\nno room for curl\n"
            + "kiln: before-build hook failed: exit code 3\n",
        log);
    List<String> stage3 = order().subList(order().indexOf("before-stage stage3"), order().size());
    assertEquals(
        List.of(
            "before-stage stage3",
            "before-build stage3 t/zlib",
            "after-build stage3 t/zlib built",
            "before-build stage3 t/jq",
            "after-build stage3 t/jq built",
            "after-stage stage3 failed"),
        stage3);

    hooks("");
    int before = order().size();
    CliRun fixed = bootstrap();
    assertEquals(0, fixed.exit(), fixed.err());
    assertEquals(
        stage("stage3", "complete", "t/curl", "t/git"),
        order().subList(before, order().size()),
        "the failure queued again opens a new pass over stage3, with its stage hooks");
  }

  @Test
  void aFailingAfterBuildHookFailsTheEntryItsBuildMadeAndSetsTheArtifactAside() throws Exception {
    hooks(failWhen("after-build stage3 t/zlib", "upload refused", 5));
    CliRun run = bootstrap();
    assertEquals(1, run.exit(), run.err());
    assertTrue(
        run.err().contains("FAILED t/zlib: after-build hook failed: exit code 5 (the build itself"),
        run.err());
    assertTrue(run.err().contains("skipped t/curl: t/zlib failed"), run.err());
    assertTrue(run.err().contains("skipped t/git: t/zlib failed"), run.err());
    assertFalse(Files.exists(dir.resolve("results-stage3/t-zlib.hart")), "not in the results");
    assertTrue(Files.exists(dir.resolve(".kiln/superseded/stage3/t-zlib.hart")), "set aside");
    assertTrue(order().contains("after-stage stage3 failed"), order().toString());
  }

  @Test
  void aFailingBeforeStageHookStopsTheRunBeforeTheStageBuildsAnythingAndRunsAgainNextTime()
      throws Exception {
    hooks(failWhen("before-stage stage2", "the mirror is unreachable", 4));
    CliRun run = bootstrap();
    assertEquals(1, run.exit(), run.err());
    Path log = dir.resolve(".kiln/logs/stage2/hooks/before-stage.1.log");
    assertTrue(
        run.err()
            .contains(
                "kiln: stage2: the before-stage hook failed: exit code 4; the stage's builds did"
                    + " not start\n  | kiln: before-stage hook: bash hook.sh\n"
                    + "  | the mirror is unreachable\n"
                    + "  | kiln: before-stage hook failed: exit code 4\n"
                    + "its log: "
                    + log
                    + "\nfix the command (hooks: before-stage in "
                    + config
                    + ")"),
        run.err());
    assertFalse(parts.builders.containsKey(StageName.STAGE2), "no stage2 build started");

    hooks("");
    int before = order().size();
    CliRun fixed = bootstrap();
    assertEquals(0, fixed.exit(), fixed.err());
    List<String> rerun = order().subList(before, order().size());
    assertEquals(stage("stage2", "complete", "t/gcc", "t/glibc", "t/busybox"), rerun.subList(0, 8));
    assertTrue(Files.exists(dir.resolve(".kiln/logs/stage2/hooks/before-stage.2.log")));
  }

  @Test
  void aFailingAfterStageHookHoldsTheNextStageBackAndAloneRunsAgainNextTime() throws Exception {
    hooks(failWhen("after-stage stage1", "cannot notify", 6));
    CliRun run = bootstrap();
    assertEquals(1, run.exit(), run.err());
    assertTrue(
        run.err()
            .contains(
                "kiln: stage1: the after-stage hook failed: exit code 6; the stage's builds are"
                    + " recorded, and the next `kiln bootstrap` runs the hook again before it"
                    + " goes on"),
        run.err());
    assertFalse(parts.builders.containsKey(StageName.STAGE2), "stage2 waits");

    hooks("");
    int before = order().size();
    CliRun fixed = bootstrap();
    assertEquals(0, fixed.exit(), fixed.err());
    List<String> rerun = order().subList(before, order().size());
    assertEquals("after-stage stage1 complete", rerun.get(0), "only the hook, no build: " + rerun);
    assertEquals("before-stage stage2", rerun.get(1), rerun.toString());
    assertEquals(3, parts.builders.get(StageName.STAGE1).started.size(), "stage1 not rebuilt");
  }

  /**
   * bash that kills the kiln running it with SIGKILL, the first time {@code $KILN_HOOK $KILN_STAGE
   * $KILN_IDENT} is {@code when}: a crash in the middle of that hook.
   */
  static String crashOnce(String when, String marker) {
    return "if [ \"$KILN_HOOK $KILN_STAGE${KILN_IDENT:+ $KILN_IDENT}\" = '"
        + when
        + "' ] && [ ! -e "
        + marker
        + " ]; then\n"
        + "  touch "
        + marker
        + "\n  p=$PPID\n"
        + "  while [ \"$(cat /proc/$p/comm)\" != java ]; do p=$(cut -d' ' -f4 /proc/$p/stat); done\n"
        + "  kill -9 $p; while kill -0 $p 2>/dev/null; do sleep 0.05; done; exit 1\nfi";
  }

  int crashableBootstrap() throws Exception {
    Process kiln =
        ChildJvm.PLAIN
            .main(HookedBootstrap.class, "--config", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("kiln.out").toFile()))
            .start();
    assertTrue(kiln.waitFor(2, TimeUnit.MINUTES), Files.readString(dir.resolve("kiln.out")));
    return kiln.exitValue();
  }

  @Test
  void aHookThatCompletedIsNotRunAgainOnResumeAndOneCutOffByACrashIs() throws Exception {
    hooks(
        crashOnce("after-stage stage2", "crashed-1")
            + "\n"
            + crashOnce("after-build stage3 t/curl", "crashed-2"));
    assertEquals(137, crashableBootstrap(), "killed in stage2's after-stage hook");
    List<String> first = order();
    assertEquals(
        all(
            List.of(
                STAGE0,
                stage("stage1", "complete", "t/gcc", "t/glibc", "t/busybox"),
                stage("stage2", "complete", "t/gcc", "t/glibc", "t/busybox").subList(0, 7))),
        first);

    assertEquals(137, crashableBootstrap(), "killed in curl's after-build hook");
    List<String> second = order().subList(first.size(), order().size());
    assertEquals(
        List.of(
            "after-stage stage2 complete",
            "before-stage stage3",
            "before-build stage3 t/zlib",
            "after-build stage3 t/zlib built",
            "before-build stage3 t/curl"),
        second,
        "only the hook cut off runs again; stage2's before-stage hook completed");

    assertEquals(0, crashableBootstrap(), Files.readString(dir.resolve("kiln.out")));
    List<String> third = order().subList(first.size() + second.size(), order().size());
    assertEquals(
        List.of(
            "before-build stage3 t/curl",
            "after-build stage3 t/curl built",
            "before-build stage3 t/git",
            "after-build stage3 t/git built",
            "before-build stage3 t/jq",
            "after-build stage3 t/jq built",
            "after-stage stage3 complete"),
        third,
        "curl's build, cut off in its after-build hook, is built again with its hooks");
    List<String> stage2Hooks =
        LedgerLines.read(dir.resolve(".kiln")).stream()
            .filter(r -> r.get("kind").asText().equals("hook"))
            .filter(r -> r.get("stage").asText().equals("stage2"))
            .map(r -> r.get("hook").asText() + " " + r.get("status").asText())
            .toList();
    assertEquals(
        List.of(
            "before-stage running",
            "before-stage done",
            "after-stage running",
            "after-stage running",
            "after-stage done"),
        stage2Hooks);
  }

  @Test
  void aHookPastItsTimeLimitIsKilledWithWhatItStartedAndFailsItsBuild() throws Exception {
    hooks(
        "if [ \"$KILN_HOOK $KILN_IDENT\" = \"before-build t/jq\" ]; then\n"
            + "  sleep 60 & echo $! > sleeper.pid; wait\nfi");
    Files.writeString(config, Files.readString(config).replace("  timeout: 5s", "  timeout: 1s"));
    CliRun run = bootstrap();
    assertEquals(1, run.exit(), run.err());
    assertTrue(
        run.err()
            .contains(
                "FAILED t/jq: before-build hook timed out after 1s (kiln.yaml's hooks: timeout)"),
        run.err());
    long sleeper = Long.parseLong(Files.readString(dir.resolve("sleeper.pid")).strip());
    assertTrue(Processes.endsWithin(sleeper, Duration.ofSeconds(10)), "the hook's child is gone");
  }
}
