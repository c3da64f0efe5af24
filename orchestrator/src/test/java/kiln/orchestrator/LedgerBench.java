package kiln.orchestrator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import kiln.resume.Artifact;
import kiln.resume.EntryKey;
import kiln.resume.RunJournal;
import kiln.resume.StageEntry;
import kiln.resume.StageName;
import kiln.resume.StageWork;
import kiln.resume.Transition;
import kiln.resume.WorkDirLock;
import kiln.world.PackageIdent;

/**
 * The ledger benchmark's Java side (bench/ledger.sh drives it):
 *
 * <ul>
 *   <li>{@code transitions WORK N ROUNDS}: records N transitions, each forced to disk, ROUNDS
 *       times; prints the median time per transition, and the same with groups of 100
 *   <li>{@code schedule WORK N JOBS}: the scheduler builds a world of N instant builds (each writes
 *       a tiny artifact); prints the time per recorded transition and per build, which is the
 *       ledger's cost plus the scheduler's own
 *   <li>{@code seed WORK N}: a ledger of N built entries with their artifacts, one more entry not
 *       built, and the core-plans style db and plan list of the same run
 *   <li>{@code resume WORK}: resumes that run and exits the moment the scheduler starts the first
 *       new build, printing how long that took since the JVM started
 * </ul>
 */
public final class LedgerBench {

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[1]);
    switch (args[0]) {
      case "transitions" -> transitions(work, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
      case "seed" -> seed(work, Integer.parseInt(args[2]));
      case "resume" -> resume(work);
      case "schedule" -> schedule(work, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
      default -> throw new IllegalArgumentException("transitions | seed | resume");
    }
  }

  static void transitions(Path work, int n, int rounds) throws Exception {
    Path file = Files.writeString(Files.createDirectories(work).resolve("a.hart"), "artifact");
    Artifact artifact = Artifact.of(file);
    double[] single = new double[rounds];
    double[] grouped = new double[rounds];
    for (int round = 0; round < rounds; round++) {
      Path dir = work.resolve("round-" + round);
      try (WorkDirLock lock = WorkDirLock.acquire(dir);
          RunJournal journal = RunJournal.startNew(lock, Clock.systemUTC())) {
        List<Transition> batch = transitionsFor(n, artifact, work);
        long t0 = System.nanoTime();
        for (Transition t : batch) {
          journal.record(t);
        }
        long t1 = System.nanoTime();
        for (int i = 0; i < n; i += 100) {
          journal.recordAll(batch.subList(i, Math.min(n, i + 100)));
        }
        long t2 = System.nanoTime();
        single[round] = (t1 - t0) / 1e3 / n;
        grouped[round] = (t2 - t1) / 1e3 / n;
      }
    }
    System.out.printf(
        "kiln ledger, one fsync per transition: median %.1f us/transition (rounds: %s)%n",
        median(single), Arrays.toString(round1(single)));
    System.out.printf(
        "kiln ledger, group commit of 100: median %.1f us/transition (rounds: %s)%n",
        median(grouped), Arrays.toString(round1(grouped)));
  }

  static void schedule(Path work, int n, int jobs) throws Exception {
    List<StageEntry> entries = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<EntryKey> deps = i < 2 ? List.of() : List.of(key(i / 2));
      entries.add(new StageEntry(key(i), "plans/p" + i, new java.util.TreeSet<>(deps)));
    }
    Path results = Files.createDirectories(work.resolve("results"));
    EntryBuilder instant =
        (stage, entry, log) -> {
          try {
            return BuildOutcome.built(
                Files.writeString(results.resolve(entry.key().ident().name()), "a"));
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        };
    try (WorkDirLock lock = WorkDirLock.acquire(work.resolve("kiln"));
        RunJournal journal = RunJournal.startNew(lock, Clock.systemUTC())) {
      long t0 = System.nanoTime();
      new Scheduler(
              new StageWork(StageName.STAGE3, entries, false),
              journal,
              instant,
              new LogPaths(work.resolve("kiln")),
              new SchedulerOptions(jobs, false, Optional.empty()),
              Progress.SILENT)
          .run();
      double micros = (System.nanoTime() - t0) / 1e3;
      long transitions = Files.readAllLines(journal.file()).size() - 2; // minus run and stage
      System.out.printf(
          "scheduler, %d instant builds at -j %d: %.1f us per transition (%d), %.1f us per build%n",
          n, jobs, micros / transitions, transitions, micros / n);
    }
  }

  private static List<Transition> transitionsFor(int n, Artifact artifact, Path work) {
    List<Transition> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      EntryKey key = key(i / 2);
      list.add(
          i % 2 == 0
              ? Transition.building(StageName.STAGE3, key, work.resolve("x.log"))
              : Transition.built(StageName.STAGE3, key, artifact, work.resolve("x.log")));
    }
    return list;
  }

  static void seed(Path work, int n) throws Exception {
    List<StageEntry> entries = new ArrayList<>();
    for (int i = 0; i <= n; i++) {
      // a world where each plan needs up to two earlier ones, like a package tree
      List<EntryKey> deps = i < 2 ? List.of() : List.of(key(i / 2), key(i - 1));
      entries.add(new StageEntry(key(i), "plans/p" + i, new java.util.TreeSet<>(deps)));
    }
    StageWork world = new StageWork(StageName.STAGE3, entries, false);
    Path results = Files.createDirectories(work.resolve("results"));
    StringBuilder db = new StringBuilder();
    StringBuilder plans = new StringBuilder();
    try (WorkDirLock lock = WorkDirLock.acquire(work.resolve("kiln"));
        RunJournal journal = RunJournal.startNew(lock, Clock.systemUTC())) {
      journal.recordStage(world);
      List<Transition> batch = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Path artifact = Files.writeString(results.resolve("p" + i + ".hart"), "artifact " + i);
        Path log = work.resolve("logs/p" + i + ".log");
        batch.add(Transition.queued(StageName.STAGE3, key(i)));
        batch.add(Transition.building(StageName.STAGE3, key(i), log));
        batch.add(Transition.built(StageName.STAGE3, key(i), Artifact.of(artifact), log));
        db.append("bench/p").append(i).append(":\n");
      }
      journal.recordAll(batch);
    }
    for (int i = 0; i <= n; i++) {
      plans.append("p").append(i).append('\n');
    }
    Files.writeString(work.resolve("bootstrap-toolchain.db"), db);
    Files.writeString(work.resolve("plans.txt"), plans);
  }

  static void resume(Path work) throws Exception {
    StageWork world;
    try (WorkDirLock lock = WorkDirLock.acquire(work.resolve("kiln"));
        RunJournal journal = RunJournal.resume(lock, Clock.systemUTC())) {
      world = journal.state().stage(StageName.STAGE3).work().orElseThrow();
      EntryBuilder firstBuildExits =
          (stage, entry, log) -> {
            Instant started = ProcessHandle.current().info().startInstant().orElseThrow();
            System.out.printf(
                "first new build (%s) %d ms after the JVM started%n",
                entry.key(), Duration.between(started, Instant.now()).toMillis());
            System.out.flush();
            Runtime.getRuntime().halt(0); // the moment that counts; the rest is not measured
            return null;
          };
      new Scheduler(
              world,
              journal,
              firstBuildExits,
              new LogPaths(work.resolve("kiln")),
              new SchedulerOptions(1, false, Optional.empty()),
              Progress.SILENT)
          .run();
    }
    throw new IllegalStateException("the scheduler found nothing to build");
  }

  private static EntryKey key(int i) {
    return EntryKey.of(PackageIdent.of("bench", "p" + i));
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static double[] round1(double[] values) {
    return Arrays.stream(values).map(v -> Math.round(v * 10) / 10.0).toArray();
  }
}
