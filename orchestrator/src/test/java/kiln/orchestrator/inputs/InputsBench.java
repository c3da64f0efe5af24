package kiln.orchestrator.inputs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import kiln.resume.Artifact;
import kiln.resume.BuildInputs;
import kiln.resume.EntryKey;
import kiln.resume.RunJournal;
import kiln.resume.RunState;
import kiln.resume.StageEntry;
import kiln.resume.StageName;
import kiln.resume.StageWork;
import kiln.resume.Transition;
import kiln.resume.WorkDirLock;
import kiln.world.PackageIdent;

/**
 * The build inputs benchmark's Java side (bench/inputs.sh drives it):
 *
 * <ul>
 *   <li>{@code seed DIR N}: N plan folders (plan.sh, a source file, every fourth a patch), a stage3
 *       ledger of N built entries (each on up to three earlier ones) with their inputs recorded
 *   <li>{@code resume DIR}: what a resume adds: opens the file digest cache and compares every
 *       entry's inputs with the recorded ones ({@link Rebuilds#reasons}); prints the time, the
 *       files read and the entries to build (0: nothing changed)
 * </ul>
 */
public final class InputsBench {

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[1]);
    switch (args[0]) {
      case "seed" -> seed(dir, Integer.parseInt(args[2]));
      case "resume" -> resume(dir);
      default -> throw new IllegalArgumentException("seed DIR N | resume DIR");
    }
  }

  static void seed(Path dir, int n) throws Exception {
    List<StageEntry> entries = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Path plan = Files.createDirectories(dir.resolve("plans/p" + i));
      Files.writeString(plan.resolve("plan.sh"), "pkg_name=p" + i + "\npkg_version=1.0\n");
      Files.createDirectories(plan.resolve("src"));
      Files.writeString(plan.resolve("src/main.c"), "int main(void) { return " + i + "; }\n");
      if (i % 4 == 0) {
        Files.writeString(plan.resolve("fix.patch"), "--- a\n+++ b\n@@ " + i + " @@\n");
      }
      TreeSet<EntryKey> deps = new TreeSet<>();
      for (int d = 1; d <= 3 && i - d * 7 >= 0; d++) {
        deps.add(key(i - d * 7));
      }
      entries.add(new StageEntry(key(i), "plans/p" + i, deps));
    }
    StageWork work = new StageWork(StageName.STAGE3, entries, false);
    Path artifacts = Files.createDirectories(dir.resolve("results-stage3"));
    EntryInputs inputs = inputs(dir, FileDigests.ofWorkDir(dir.resolve("work")));
    Map<EntryKey, Artifact> built = new HashMap<>();
    try (WorkDirLock lock = WorkDirLock.acquire(dir.resolve("work"));
        RunJournal journal = RunJournal.startNew(lock, Clock.systemUTC())) {
      journal.recordStage(work);
      List<Transition> batch = new ArrayList<>();
      for (StageEntry entry : entries) {
        Path hart = Files.writeString(artifacts.resolve(entry.plan().substring(6) + ".hart"), "x");
        Artifact artifact = Artifact.measured(hart, "ab".repeat(32).replace("ab", hex(entry)));
        BuildInputs madeOf = inputs.of(entry, built).orElseThrow();
        built.put(entry.key(), artifact);
        batch.add(
            Transition.built(StageName.STAGE3, entry.key(), artifact, null, Map.of(), madeOf));
        if (batch.size() == 1000) {
          journal.recordAll(batch);
          batch.clear();
        }
      }
      journal.recordAll(batch);
    }
  }

  static void resume(Path dir) throws Exception {
    RunState run = RunJournal.read(dir.resolve("work")).orElseThrow();
    StageWork work = run.stage(StageName.STAGE3).work().orElseThrow();
    java.lang.management.ThreadMXBean cpu =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long c0 = cpu.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    FileDigests digests = FileDigests.ofWorkDir(dir.resolve("work"));
    Map<EntryKey, String> reasons =
        Rebuilds.reasons(work, run.stage(StageName.STAGE3), inputs(dir, digests), Set.of());
    digests.save();
    long t1 = System.nanoTime();
    long c1 = cpu.getCurrentThreadCpuTime();
    System.out.printf(
        "inputs of %d entries compared in %.3f s wall, %.3f s CPU: %d files read, %d to build%n",
        work.keys().size(), (t1 - t0) / 1e9, (c1 - c0) / 1e9, digests.reads(), reasons.size());
  }

  private static EntryInputs inputs(Path dir, FileDigests digests) {
    return new PlanInputs(
        dir,
        digests,
        Map.of("studio:demo/bash", "cd".repeat(32)),
        Map.of(PackageIdent.parse("demo/glibc"), "ef".repeat(32)),
        Map.of(),
        "program-version");
  }

  private static String hex(StageEntry entry) {
    return String.format("%02x", entry.key().hashCode() & 0xff);
  }

  private static EntryKey key(int i) {
    return EntryKey.parse("bench/p" + i);
  }
}
