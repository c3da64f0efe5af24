package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import kiln.orchestrator.LedgerLines;
import kiln.orchestrator.ResultSets;
import kiln.resume.Artifact;
import kiln.resume.EntryKey;
import kiln.resume.EntryStatus;
import kiln.resume.Recovery;
import kiln.resume.RunJournal;
import kiln.resume.RunState;
import kiln.resume.StageName;
import kiln.resume.StageState;
import kiln.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash test of a change-aware rebuild: {@code kiln bootstrap} (a JVM of its own, on the
 * text-fixture world of {@link FakeParts}: real plan files, fake builds) runs to the end, then a
 * base plan the others depend on is edited, and the kiln that rebuilds is killed with SIGKILL at
 * random moments until one run ends by itself. Then exactly the edited plan and its dependents were
 * built again, each recorded built once; nothing else was built; no entry is lost; and the result
 * sets were consistent after every kill.
 */
class RebuildCrashTest {

  static final int KILLS = 18;

  /** A kill comes uniformly within the first 3 s of a kiln's life (JVM start-up included). */
  static final long KILL_WINDOW_MILLIS = 3000;

  /** Each build's "work": the 7 builds of the rebuild (5 one after another) take about 5 s. */
  static final long BUILD_MILLIS = 1000;

  /** Editing glibc rebuilds it and busybox in stage1 and stage2, and zlib, curl, git in stage3. */
  static final Set<String> REBUILT =
      Set.of(
          "stage1 t/glibc",
          "stage1 t/busybox",
          "stage2 t/glibc",
          "stage2 t/busybox",
          "stage3 t/zlib",
          "stage3 t/curl",
          "stage3 t/git");

  @TempDir Path dir;

  @Test
  void aRebuildKilledAtRandomMomentsRebuildsExactlyTheChangedPlanAndItsDependentsOnce()
      throws Exception {
    long seed = Long.getLong("kiln.crash.seed", System.nanoTime());
    System.out.println(
        "RebuildCrashTest: seed " + seed + " (again: -Dkiln.crash.seed=" + seed + ")");
    Random random = new Random(seed);
    FakeParts.planTree(dir, "gcc glibc busybox zlib curl git jq");
    for (String plan : "gcc glibc busybox zlib curl git jq".split(" ")) {
      Files.writeString(dir.resolve("plans").resolve(plan).resolve("plan.sh"), "pkg_name=" + plan);
    }
    Files.writeString(
        dir.resolve("kiln.yaml"),
        "origin: t\nplans: [plans]\nbase-plans: base-plans.txt\ntoolchain: tools.yaml\n");
    Path work = dir.resolve(".kiln");
    Process first = start(5);
    assertTrue(first.waitFor(2, TimeUnit.MINUTES), "the first run ends");
    assertEquals(0, first.exitValue(), output(first));
    assertConsistent(work);
    Map<String, String> before = artifacts(work);
    int recordsAtEdit = LedgerLines.read(work).size();
    int callsAtEdit = Files.readAllLines(dir.resolve("calls.log")).size();

    Files.writeString(dir.resolve("plans/glibc/plan.sh"), "pkg_name=glibc\npkg_version=2\n");
    int kills = 0;
    Map<String, Integer> phases = new TreeMap<>();
    while (true) {
      int recordsBefore = LedgerLines.read(work).size();
      Process kiln = start(BUILD_MILLIS);
      long delay = kills < KILLS ? random.nextLong(KILL_WINDOW_MILLIS) : Long.MAX_VALUE / 2;
      if (kiln.waitFor(delay, TimeUnit.MILLISECONDS)) {
        assertEquals(0, kiln.exitValue(), output(kiln));
        break;
      }
      kiln.destroyForcibly(); // SIGKILL
      assertTrue(kiln.waitFor(1, TimeUnit.MINUTES), "a killed kiln is gone");
      kills++;
      phases.merge(LedgerLines.phase(recordsBefore, LedgerLines.read(work)), 1, Integer::sum);
      RunJournal.read(work)
          .ifPresent(
              run -> {
                Recovery recovery = run.recovery();
                assertFalse(recovery.damaged(), recovery.describe("ledger"));
              });
      assertNothingBuiltLost(work);
    }
    System.out.printf("RebuildCrashTest: %d kills (%s)%n", kills, phases);

    assertConsistent(work);
    Map<String, String> after = artifacts(work);
    assertEquals(before.keySet(), after.keySet(), "every entry is still built");
    for (String entry : before.keySet()) {
      assertEquals(
          !REBUILT.contains(entry),
          before.get(entry).equals(after.get(entry)),
          entry + ": built again exactly when it is the edited plan or one of its dependents");
    }
    List<JsonNode> records = LedgerLines.read(work);
    List<JsonNode> since = records.subList(recordsAtEdit, records.size());
    assertEquals(Map.of(), LedgerLines.builtMoreThanOnce(since), "recorded built twice");
    assertEquals(List.of(), LedgerLines.rebuiltAfterBuilt(since), "built after recorded built");
    Map<String, Integer> built = new TreeMap<>();
    for (JsonNode record : since) {
      if (record.path("kind").asText().equals("plan")
          && record.get("status").asText().equals("built")) {
        built.merge(name(LedgerLines.entry(record)), 1, Integer::sum);
      }
    }
    Map<String, Integer> once = new TreeMap<>();
    REBUILT.forEach(entry -> once.put(entry, 1));
    assertEquals(once, built, "recorded built since the edit");
    Map<String, Integer> building = new TreeMap<>();
    LedgerLines.buildingRecords(since).forEach((e, n) -> building.merge(name(e), n, Integer::sum));
    List<String> calls = Files.readAllLines(dir.resolve("calls.log"));
    Map<String, Integer> called = new TreeMap<>();
    calls.subList(callsAtEdit, calls.size()).forEach(c -> called.merge(name(c), 1, Integer::sum));
    assertEquals(REBUILT, called.keySet(), "the builder was called for exactly these");
    called.forEach(
        (entry, n) ->
            assertTrue(
                n <= building.getOrDefault(entry, 0),
                entry + " was built " + n + " times, recorded building fewer: " + building));
  }

  /** {@code stage t/name}, from a ledger or call-log entry whose ident may go on. */
  private static String name(String entry) {
    String[] words = entry.split("[ /]");
    return words[0] + " " + words[1] + "/" + words[2];
  }

  /** Each built entry's artifact digest, by {@code stage t/name}. */
  private static Map<String, String> artifacts(Path work) throws Exception {
    RunState run = RunJournal.read(work).orElseThrow();
    Map<String, String> artifacts = new TreeMap<>();
    for (StageName stage : List.of(StageName.STAGE1, StageName.STAGE2, StageName.STAGE3)) {
      StageState state = run.stage(stage);
      for (EntryKey key : state.work().orElseThrow().keys()) {
        assertEquals(EntryStatus.BUILT, state.entry(key).status(), stage + " " + key);
        artifacts.put(name(stage.id() + " " + key), state.entry(key).artifact().sha256());
      }
    }
    return artifacts;
  }

  /**
   * What holds after any kill: every entry recorded built has its artifact, whole, in its stage's
   * results folder. The whole ledger view of {@link ResultSets} holds only at rest: mid-rebuild, a
   * later stage's built entries still name the earlier stage's artifacts being rebuilt (they are
   * queued when their stage starts), and a results folder is tidied when its stage ends.
   */
  private void assertNothingBuiltLost(Path work) throws Exception {
    if (RunJournal.read(work).isEmpty()) {
      return;
    }
    RunState run = RunJournal.read(work).orElseThrow();
    for (StageName stage : List.of(StageName.STAGE1, StageName.STAGE2, StageName.STAGE3)) {
      StageState state = run.stage(stage);
      for (EntryKey key : state.work().map(w -> w.keys()).orElse(List.of())) {
        Optional<Artifact> built = state.entry(key).artifactIfBuilt();
        if (built.isPresent()) {
          Path artifact = built.get().path().toAbsolutePath().normalize();
          assertTrue(built.get().stillMatches(), stage + " " + key + ": its artifact is lost");
          assertEquals(
              dir.resolve("results-" + stage.id()), artifact.getParent(), stage + " " + key);
        }
      }
    }
  }

  private void assertConsistent(Path work) throws Exception {
    if (RunJournal.read(work).isEmpty()) {
      return;
    }
    Map<StageName, Path> results = new EnumMap<>(StageName.class);
    for (StageName stage : List.of(StageName.STAGE1, StageName.STAGE2, StageName.STAGE3)) {
      results.put(stage, dir.resolve("results-" + stage.id()));
    }
    ResultSets.assertLedgerConsistent(work, results);
  }

  private Process start(long buildMillis) throws Exception {
    return ChildJvm.with("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")
        .main(RebuildCrashKiln.class, dir.toString(), String.valueOf(buildMillis))
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("kiln-" + System.nanoTime() + ".log").toFile())
        .start();
  }

  private static String output(Process kiln) {
    return "kiln exited " + kiln.exitValue() + "; its output is in the test's folder";
  }
}
