package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kiln.orchestrator.ResultSets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo distribution from nothing to a populated results-stage3, in Docker studios, as {@code
 * kiln bootstrap} runs it; then the world's failure policy on the real engine, run after run (the
 * re-runs resume the same ledger): a broken plan fails, exactly the plans depending on it are
 * skipped with that reason and the rest is built; after the fix a re-run builds only the failed
 * plan and the skipped ones; {@code kiln skip} sets a plan and its dependents aside until {@code
 * kiln retry}; a plan that fails again, or hangs past the time limit, is built after the fix and
 * {@code kiln retry}; {@code kiln status --json} shows every attempt with its start, end and
 * duration.
 */
class DemoBootstrapIT {

  private static final Path DEMO = Path.of("..", "examples", "demo").toAbsolutePath().normalize();

  private static final List<String> BASE_AND_PROGRAMS =
      List.of(
          "glibc",
          "busybox",
          "tcc",
          "make",
          "bash",
          "tar",
          "ministd",
          "testkit",
          "libgreet",
          "hello",
          "wordcount",
          "banner",
          "motd");

  private static final Pattern BUILDING = Pattern.compile("\\] building (\\S+)");

  /**
   * A real hook on the real builds: after each build, a line {@code stage ident outcome artifact}
   * in {@code built.log}, and a failure if a build said built and its artifact is not there.
   */
  private static final String HOOKS =
      "\nhooks:\n  after-build: >-\n"
          + "    echo \"$KILN_STAGE $KILN_IDENT $KILN_OUTCOME ${KILN_ARTIFACT:-}\" >> built.log;\n"
          + "    [ \"$KILN_OUTCOME\" != built ] || test -s \"$KILN_ARTIFACT\"\n";

  @TempDir Path tmp;

  private Path config;

  @Test
  void theDemoBootstrapsAndTheWorldsFailurePolicyHoldsRunAfterRun() throws Exception {
    Path demo = copyDemo();
    config = demo.resolve("kiln.yaml");
    Path results = demo.resolve("results-stage3");

    // 1. A broken library: it fails, exactly the plans depending on it are set aside.
    Path greet = demo.resolve("plans/libgreet/src/greet.c");
    String goodGreet = Files.readString(greet);
    Files.writeString(greet, goodGreet + "\nthis is not C;\n");
    CliRun first = bootstrap();
    assertEquals(1, first.exit(), first.err());
    assertTrue(first.err().contains("FAILED demo/libgreet"), first.err());
    assertTrue(first.err().contains("skipped demo/hello: demo/libgreet failed"), first.err());
    Map<String, JsonNode> world = stage("stage3");
    assertEquals("failed", world.get("demo/libgreet").get("status").asText());
    Path failedLog = Path.of(world.get("demo/libgreet").get("log").asText());
    assertEquals("demo-libgreet.1.log", failedLog.getFileName().toString(), "the first attempt");
    String failure = Files.readString(failedLog);
    assertTrue(failure.contains("greet.c") && failure.contains("error"), failure);
    assertOneLog(failedLog, results, "demo-libgreet-");
    assertOneLog(
        Path.of(world.get("demo/wordcount").get("log").asText()), results, "demo-wordcount-");
    assertSkipped(world, "demo/libgreet failed", "demo/hello", "demo/motd");
    assertStatus(world, "built", "demo/wordcount", "demo/banner");
    assertEquals(5, world.size(), world.keySet().toString());
    for (String base : List.of("stage1", "stage2")) {
      stage(base).values().forEach(p -> assertEquals("built", p.get("status").asText()));
    }
    List<Path> builtBefore = harts(results);
    assertEquals(2, builtBefore.size(), builtBefore.toString());
    String wanted = Files.readString(demo.resolve("stage3_world_order"));
    String working = Files.readString(demo.resolve("stage3_world_order.working"));
    assertTrue(wanted.contains("plans/hello") && !working.contains("plans/hello"), working);
    assertTheReportShowsIt(world);

    // 2. Set aside by hand: the plan and its dependents wait "by the user"; a re-run leaves them.
    CliRun skip = CliRun.of("skip", "demo/libgreet", "--config", config.toString());
    assertEquals(0, skip.exit(), skip.err());
    assertEquals(
        "skipped demo/libgreet\nskipped (depends on it) demo/hello\n"
            + "skipped (depends on it) demo/motd\n",
        skip.out());
    world = stage("stage3");
    assertSkipped(world, "by the user", "demo/libgreet");
    assertSkipped(world, "demo/libgreet was skipped by the user", "demo/hello", "demo/motd");
    CliRun aside = stage3();
    assertEquals(0, aside.exit(), "only plans the user set aside are left: " + aside.err());
    assertEquals(List.of(), building(aside), aside.err());
    assertSkipped(stage("stage3"), "by the user", "demo/libgreet");

    // 3. Back in the queue, still broken: it fails again and sets aside the same dependents.
    CliRun retry = CliRun.of("retry", "demo/libgreet", "--config", config.toString());
    assertEquals(0, retry.exit(), retry.err());
    assertEquals("queued demo/libgreet\nqueued demo/hello\nqueued demo/motd\n", retry.out());
    CliRun still = stage3();
    assertEquals(1, still.exit(), still.err());
    assertEquals(List.of("demo/libgreet"), building(still), still.err());
    world = stage("stage3");
    assertEquals("failed", world.get("demo/libgreet").get("status").asText());
    assertSkipped(world, "demo/libgreet failed", "demo/hello", "demo/motd");

    // 4. Fixed: a plain re-run builds the failed plan and the skipped ones, nothing else.
    Files.writeString(greet, goodGreet);
    CliRun fixed = bootstrap();
    assertEquals(0, fixed.exit(), fixed.err());
    assertEquals(List.of("demo/libgreet", "demo/hello", "demo/motd"), building(fixed), fixed.err());
    assertStatus(stage("stage3"), "built", world.keySet().toArray(String[]::new));
    List<Path> builtAfter = harts(results);
    assertOneArtifactPerPlan(results, world.keySet());
    assertTrue(builtAfter.containsAll(builtBefore), "the first run's artifacts were kept");
    assertEquals(
        Files.readString(demo.resolve("stage3_world_order")),
        Files.readString(demo.resolve("stage3_world_order.working")),
        "nothing set aside any more");
    assertTrue(harts(demo.resolve("results-stage2")).size() >= 7);
    assertTrue(
        builtAfter.stream().anyMatch(p -> p.getFileName().toString().startsWith("demo-hello-")));

    // 5. A built plan broken and put back in the queue (skip, retry) fails; after the fix,
    // `kiln retry` of the failed plan and a re-run build it. motd, built from the good banner,
    // is queued with it (its banner is built again) and set aside while banner fails.
    Path banner = demo.resolve("plans/banner/plan.sh");
    String goodBanner = Files.readString(banner);
    Files.writeString(banner, goodBanner + "\ndo_build() { echo banner is broken; return 1; }\n");
    assertEquals(0, CliRun.of("skip", "demo/banner", "--config", config.toString()).exit());
    assertEquals(0, CliRun.of("retry", "demo/banner", "--config", config.toString()).exit());
    CliRun broken = stage3();
    assertEquals(1, broken.exit(), broken.err());
    assertEquals(List.of("demo/banner"), building(broken), broken.err());
    assertTrue(broken.err().contains("banner is broken"), "the log's tail: " + broken.err());
    world = stage("stage3");
    assertEquals("failed", world.get("demo/banner").get("status").asText());
    assertStatus(world, "built", "demo/libgreet", "demo/hello", "demo/wordcount");
    assertSkipped(world, "demo/banner failed", "demo/motd");

    // 6. Hung: under a short time limit its build is killed and recorded as timed out.
    Files.writeString(banner, goodBanner + "\ndo_build() { echo banner hangs; sleep 600; }\n");
    String yaml = Files.readString(config);
    Files.writeString(config, yaml.replaceAll("(?m)^timeout: .*$", "timeout: 5s"));
    assertEquals(0, CliRun.of("retry", "demo/banner", "--config", config.toString()).exit());
    CliRun hung = stage3();
    assertEquals(1, hung.exit(), hung.err());
    assertEquals("timed_out", stage("stage3").get("demo/banner").get("status").asText());
    Files.writeString(config, yaml);

    Files.writeString(banner, goodBanner);
    CliRun again = CliRun.of("retry", "demo/banner", "--config", config.toString());
    assertEquals(0, again.exit(), again.err());
    assertEquals("queued demo/banner\nqueued demo/motd\n", again.out(), "motd waited for it");
    CliRun last = stage3();
    assertEquals(0, last.exit(), last.err());
    assertEquals(List.of("demo/banner", "demo/motd"), building(last), last.err());
    world = stage("stage3");
    assertStatus(world, "built", world.keySet().toArray(String[]::new));
    for (JsonNode plan : world.values()) {
      assertTrue(Files.isRegularFile(Path.of(plan.get("artifact").asText())), plan.toString());
    }
    // banner was built twice over the runs: its first artifact must not stay beside the new one.
    assertOneArtifactPerPlan(results, world.keySet());

    // Every attempt of the whole bootstrap, built, failed or timed out, with its times.
    List<String> outcomes = new ArrayList<>();
    for (String name : List.of("stage0", "stage1", "stage2", "stage3")) {
      for (JsonNode plan : stage(name).values()) {
        assertTrue(plan.get("attempts").size() > 0, "built, so attempted: " + plan);
        for (JsonNode attempt : plan.get("attempts")) {
          assertTimed(attempt);
          outcomes.add(attempt.get("outcome").asText());
        }
      }
    }
    assertTrue(outcomes.containsAll(List.of("built", "failed", "timed_out")), "" + outcomes);
    assertEquals(
        List.of("failed", "timed_out", "built"),
        attemptOutcomes(world.get("demo/banner")).subList(1, 4),
        "banner: built, then broken, hung and fixed: " + world.get("demo/banner"));
    assertTrue(
        world.get("demo/banner").get("attempts").get(3).get("phases").has("build pass"),
        "a build's phase times: " + world.get("demo/banner"));

    // The after-build hook saw every build: each artifact kept, and the failures without one.
    List<String> hooked = Files.readAllLines(demo.resolve("built.log"));
    for (JsonNode plan : world.values()) {
      String line =
          "stage3 " + plan.get("ident").asText() + " built " + plan.get("artifact").asText();
      assertTrue(hooked.contains(line), line + " in " + hooked);
    }
    assertTrue(hooked.contains("stage3 demo/libgreet failed "), hooked.toString());
    assertTrue(hooked.contains("stage3 demo/banner timed_out "), hooked.toString());
    assertTrue(
        world.get("demo/banner").get("attempts").get(3).get("phases").has("after-build hook"),
        "the hook's time is a phase of its build: " + world.get("demo/banner"));
    // 7. Change-aware: an edited plan and exactly what depends on it are built again, and every
    // artifact names only artifacts that are in the results; touching every file builds nothing.
    Path stage2 = demo.resolve("results-stage2");
    ResultSets.assertHartsConsistent(results, stage2);
    Path libgreetPlan = demo.resolve("plans/libgreet/plan.sh");
    Files.writeString(libgreetPlan, Files.readString(libgreetPlan) + "\n# a comment is a change\n");
    CliRun dry = CliRun.of("bootstrap", "--dry-run", "--config", config.toString());
    assertEquals(0, dry.exit(), dry.err());
    System.out.print("kiln bootstrap --dry-run after an edit of libgreet's plan.sh:\n" + dry.out());
    assertTrue(dry.out().contains("  demo/libgreet  changed: plan.sh\n"), dry.out());
    assertTrue(dry.out().contains("demo/hello     dependency rebuilt: demo/libgreet"), dry.out());
    CliRun changed = stage3();
    assertEquals(0, changed.exit(), changed.err());
    assertEquals(
        List.of("demo/libgreet", "demo/hello", "demo/motd"), building(changed), changed.err());
    ResultSets.assertHartsConsistent(results, stage2);
    assertOneArtifactPerPlan(results, world.keySet());
    try (Stream<Path> files = Files.walk(demo.resolve("plans"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(Instant.now()));
      }
    }
    CliRun touched = stage3();
    assertEquals(0, touched.exit(), touched.err());
    assertEquals(List.of(), building(touched), touched.err());
    // 8. The world's packages as a signed repository: every stage3 artifact, byte for byte, under
    // an index that verifies with the origin's key (PublisherTest reads it independently).
    assertThePublishedRepositoryHoldsStage3(demo, results);
    // 9. The world once more over three engines (this machine's and bin/engines' e1 and e2).
    assertTheWorldBuildsOverThreeEngines(demo, results, world.keySet());
  }

  /**
   * Every stage3 plan queued again and built over three hosts, one build at a time each: all built,
   * each host built some (three plans are ready at once, so each engine takes one), the results are
   * consistent, and every artifact verifies with the origin's key.
   */
  private void assertTheWorldBuildsOverThreeEngines(Path demo, Path results, Set<String> plans)
      throws Exception {
    String yaml = Files.readString(config);
    List<java.net.URI> engines = kiln.testing.TestEngines.endpoints(2);
    Files.writeString(
        config,
        yaml
            + "hosts:\n"
            + "  - {name: main, endpoint: \"unix:///var/run/docker.sock\", jobs: 1}\n"
            + "  - {name: e1, endpoint: \""
            + engines.get(0)
            + "\", jobs: 1}\n"
            + "  - {name: e2, endpoint: \""
            + engines.get(1)
            + "\", jobs: 1}\n");
    List<String> rebuild = new ArrayList<>(List.of("rebuild"));
    rebuild.addAll(plans);
    rebuild.addAll(List.of("--config", config.toString()));
    CliRun queued = CliRun.of(rebuild.toArray(String[]::new));
    assertEquals(0, queued.exit(), queued.err());
    CliRun farm = stage3();
    assertEquals(0, farm.exit(), farm.err());
    assertEquals(new TreeSet<>(plans), new TreeSet<>(building(farm)), farm.err());
    Map<String, Integer> perHost = new TreeMap<>();
    for (JsonNode plan : stage("stage3").values()) {
      assertEquals("built", plan.get("status").asText(), plan.toString());
      JsonNode attempts = plan.get("attempts");
      perHost.merge(attempts.get(attempts.size() - 1).path("host").asText("none"), 1, Integer::sum);
    }
    assertEquals(Set.of("main", "e1", "e2"), perHost.keySet(), "builds per host: " + perHost);
    ResultSets.assertHartsConsistent(results, demo.resolve("results-stage2"));
    assertOneArtifactPerPlan(results, plans);
    for (Path hart : harts(results)) {
      CliRun verify =
          CliRun.of("hart", "verify", hart.toString(), "--keys", demo.resolve("keys").toString());
      assertEquals(0, verify.exit(), hart + ": " + verify.err());
    }
    Files.writeString(config, yaml);
  }

  private void assertThePublishedRepositoryHoldsStage3(Path demo, Path results) throws Exception {
    Path repo = tmp.resolve("repo");
    CliRun publish = CliRun.of("publish", "--config", config.toString(), "--repo", repo.toString());
    assertEquals(0, publish.exit(), publish.err());
    Path latest = repo.resolve("latest");
    kiln.stages.publish.RepositoryIndex index =
        kiln.stages.publish.SignedIndex.read(
            latest.resolve("INDEX"), kiln.stages.artifact.OriginKeys.in(demo.resolve("keys")));
    Set<String> files =
        index.packages().stream().map(p -> p.file()).collect(java.util.stream.Collectors.toSet());
    try (Stream<Path> harts = Files.list(results)) {
      for (Path hart : harts.filter(h -> h.toString().endsWith(".hart")).toList()) {
        String file = "artifacts/" + hart.getFileName();
        assertTrue(files.contains(file), file + " in the index: " + files);
        assertEquals(sha256(hart), sha256(latest.resolve(file)), file);
      }
    }
  }

  private static String sha256(Path file) throws Exception {
    return java.util.HexFormat.of()
        .formatHex(
            java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  /** An attempt that ended has its start, its end and the seconds between them. */
  private static void assertTimed(JsonNode attempt) {
    Instant started = Instant.parse(attempt.get("started").asText());
    Instant ended = Instant.parse(attempt.get("ended").asText());
    double seconds = attempt.get("seconds").asDouble();
    assertTrue(!ended.isBefore(started), attempt.toString());
    assertEquals(
        Duration.between(started, ended).toMillis() / 1000.0, seconds, 0.0011, "" + attempt);
    assertTrue(Path.of(attempt.get("log").asText()).isAbsolute(), attempt.toString());
  }

  private static List<String> attemptOutcomes(JsonNode plan) {
    List<String> outcomes = new ArrayList<>();
    plan.get("attempts").forEach(a -> outcomes.add(a.get("outcome").asText()));
    return outcomes;
  }

  /**
   * The build's log exists once: the ledger's file, which the results dir's log of that build links
   * to.
   */
  private static void assertOneLog(Path ledgerLog, Path results, String prefix) throws IOException {
    assertTrue(Files.isRegularFile(ledgerLog, LinkOption.NOFOLLOW_LINKS), ledgerLog + " is a file");
    List<Path> published;
    try (Stream<Path> files = Files.list(results)) {
      published =
          files
              .filter(p -> p.getFileName().toString().startsWith(prefix))
              .filter(p -> p.getFileName().toString().endsWith(".log"))
              .toList();
    }
    assertEquals(1, published.size(), published.toString());
    assertTrue(
        Files.isSymbolicLink(published.get(0)), published.get(0) + " refers to the ledger's");
    assertTrue(Files.isSameFile(ledgerLog, published.get(0)), published.get(0).toString());
  }

  /**
   * The demo's report after its failure, as headless chromium shows it: the counts, libgreet's
   * reason as the ledger has it, a bar per build attempt so far (one red), a screenshot.
   */
  private void assertTheReportShowsIt(Map<String, JsonNode> world) throws Exception {
    Path report = tmp.resolve("report");
    CliRun written = CliRun.of("report", "--config", config.toString(), "--out", report.toString());
    assertEquals(0, written.exit(), written.err());
    Chromium chromium = new Chromium(Files.createDirectories(tmp.resolve("browser")));
    String dom = chromium.dumpDom(report.resolve("index.html"));
    List<String> counts = ReportBrowserTest.counts(dom);
    assertEquals("stage3 2 1 2 0 0 0", counts.get(counts.size() - 1), dom);
    Matcher failure =
        Pattern.compile("<h3>stage3 demo/libgreet: failed</h3>\\s*<p class=\"reason\">([^<]+)</p>")
            .matcher(dom);
    assertTrue(failure.find(), dom);
    String reason = world.get("demo/libgreet").get("reason").asText();
    assertFalse(reason.isBlank());
    assertEquals(
        reason, failure.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"));
    // every entry's attempts, the base lists' entries built twice with other settings included
    int attempts = 0;
    CliRun status = CliRun.of("status", "--json", "--config", config.toString());
    for (JsonNode stage : new ObjectMapper().readTree(status.out()).get("stages")) {
      for (JsonNode plan : stage.get("plans")) {
        attempts += plan.get("attempts").size();
      }
    }
    assertEquals(attempts, ReportBrowserTest.occurrences(dom, "<rect class=\"bar "), dom);
    assertEquals(1, ReportBrowserTest.occurrences(dom, "<rect class=\"bar failed\""), dom);
    Path png = chromium.screenshot(report.resolve("index.html"), 1200, 1400);
    assertTrue(Files.size(png) > 20_000, "a screenshot of " + Files.size(png) + " bytes");
  }

  private CliRun bootstrap() {
    return CliRun.of("bootstrap", "--config", config.toString());
  }

  /** Only stage3: it resumes the run (stage1 and stage2 are built) without their set-up. */
  private CliRun stage3() {
    return CliRun.of("bootstrap", "--only", "stage3", "--config", config.toString());
  }

  /** The plans a run started building, in order, from its progress lines. */
  private static List<String> building(CliRun run) {
    List<String> started = new ArrayList<>();
    Matcher m = BUILDING.matcher(run.err());
    while (m.find()) {
      started.add(m.group(1));
    }
    return started;
  }

  private static void assertSkipped(Map<String, JsonNode> stage, String reason, String... plans) {
    for (String plan : plans) {
      assertEquals("skipped", stage.get(plan).get("status").asText(), plan);
      assertEquals(reason, stage.get(plan).get("reason").asText(), plan);
    }
  }

  private static void assertStatus(Map<String, JsonNode> stage, String status, String... plans) {
    for (String plan : plans) {
      assertEquals(status, stage.get(plan).get("status").asText(), stage.get(plan).toString());
    }
  }

  /** Exactly one .hart per world plan in results-stage3, and none of anything else. */
  private static void assertOneArtifactPerPlan(Path results, Set<String> plans) throws IOException {
    Map<String, List<String>> byPlan = new TreeMap<>();
    for (Path hart : harts(results)) {
      String name = hart.getFileName().toString();
      String plan =
          plans.stream()
              .filter(p -> name.startsWith(p.replace('/', '-') + "-"))
              .findFirst()
              .orElse("none: " + name);
      byPlan.computeIfAbsent(plan, k -> new ArrayList<>()).add(name);
    }
    assertEquals(new TreeSet<>(plans), byPlan.keySet(), byPlan.toString());
    byPlan.forEach((plan, files) -> assertEquals(1, files.size(), plan + ": " + files));
  }

  private Path copyDemo() throws IOException, InterruptedException {
    Path demo = tmp.resolve("demo");
    for (String part : List.of("base-plans.txt", "tools.yaml")) {
      copyTree(DEMO.resolve(part), demo.resolve(part));
    }
    // The base and the demo's own programs: the failure policy is about them. The real packages
    // of the world (sed, grep, ...) and the compare stage are the README's bootstrap, not this
    // test's: here they would only add minutes.
    for (String plan : BASE_AND_PROGRAMS) {
      copyTree(DEMO.resolve("plans").resolve(plan), demo.resolve("plans").resolve(plan));
    }
    Path gathered = demo.resolve("toolchain/gathered");
    Process gather =
        new ProcessBuilder(
                DEMO.resolve("toolchain/gather-host-tools.sh").toString(), gathered.toString())
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("gather.log").toFile())
            .start();
    assertEquals(0, gather.waitFor(), Files.readString(tmp.resolve("gather.log")));
    String config =
        Files.readString(DEMO.resolve("kiln.yaml"))
                .replaceAll("(?m)^studio: .*$", "studio: docker")
                .replaceAll("(?m)^jobs: .*$", "jobs: 2")
                .replaceAll("(?m)^compare: .*$", "compare: false")
                .replaceAll("(?m)^sources: .*$", "sources: [" + DEMO.resolve("sources") + "]")
            + HOOKS;
    Files.writeString(demo.resolve("kiln.yaml"), config);
    return demo;
  }

  private Map<String, JsonNode> stage(String name) throws IOException {
    CliRun status = CliRun.of("status", "--json", "--config", config.toString());
    JsonNode root = new ObjectMapper().readTree(status.out());
    int setAside = 0;
    for (JsonNode stage : root.get("stages")) {
      setAside += stage.get("failed").asInt() + stage.get("timed_out").asInt();
      setAside += stage.get("skipped").asInt();
    }
    assertEquals(setAside > 0 ? 4 : 0, status.exit(), "4 while work remains: " + status.out());
    Map<String, JsonNode> plans = new TreeMap<>();
    for (JsonNode stage : root.get("stages")) {
      if (stage.get("name").asText().equals(name)) {
        for (JsonNode plan : stage.get("plans")) {
          plans.put(plan.get("ident").asText(), plan);
        }
      }
    }
    assertTrue(!plans.isEmpty(), "no " + name + " in " + status.out());
    return plans;
  }

  private static List<Path> harts(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".hart")).sorted().toList();
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path source : all.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
