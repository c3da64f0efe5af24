package kiln.orchestrator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import kiln.resume.EntryKey;
import kiln.resume.RunJournal;
import kiln.resume.StageEntry;
import kiln.resume.StageName;
import kiln.resume.StageWork;
import kiln.resume.WorkDirLock;
import kiln.resume.WorkDirLockedException;

/**
 * The child process of the crash test: runs a world of quick fake builds in a work directory,
 * resuming whatever an earlier (killed) run left. Each build appends {@code start <key>} to {@code
 * starts.log} and writes a real artifact. Exit codes: 0 all built, 1 not, 3 refused.
 */
public final class CrashWorld {

  /** Plans in the world; each depends on up to two earlier ones. */
  static final int PLANS = 300;

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    int jobs = Integer.parseInt(args[1]);
    long millis = Long.parseLong(args[2]);
    WorkDirLock lock;
    try {
      lock = WorkDirLock.acquire(work);
    } catch (WorkDirLockedException e) {
      System.err.println("kiln: " + e.getMessage());
      System.exit(3);
      return;
    }
    synchronized (System.out) {
      System.out.println("locked " + ProcessHandle.current().pid());
      System.out.flush();
    }
    try (lock;
        RunJournal journal = RunJournal.resume(lock, Clock.systemUTC())) {
      StageResult result =
          new Scheduler(
                  world(),
                  journal,
                  new Builder(work, millis),
                  new LogPaths(work),
                  new SchedulerOptions(jobs, false, Optional.empty()),
                  Progress.SILENT)
              .run();
      System.exit(result.complete() ? 0 : 1);
    }
  }

  static StageWork world() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < PLANS; i++) {
      text.append("p").append(i);
      if (i >= 4) {
        text.append(": p").append(i * 7 % i).append(" p").append(i - 1 - i % 3);
      }
      text.append('\n');
    }
    return Worlds.world(text.toString());
  }

  /** A build: a few ms of "work", a line in starts.log, a real artifact. */
  record Builder(Path work, long millis) implements EntryBuilder {
    @Override
    public BuildOutcome build(StageName stage, StageEntry entry, Path log)
        throws InterruptedException {
      try {
        append("start " + entry.key());
        synchronized (System.out) {
          System.out.println("start " + entry.key()); // the test kills after some of these
          System.out.flush();
        }
        for (EntryKey dep : entry.deps()) {
          if (!Files.exists(artifact(dep))) {
            append("violation " + entry.key() + " before " + dep);
          }
        }
        Thread.sleep(1 + ThreadLocalRandom.current().nextLong(millis)); // the build's work
        Files.writeString(log, "built " + entry.key() + "\n");
        Path artifact = artifact(entry.key());
        Files.createDirectories(artifact.getParent());
        Files.writeString(artifact, "artifact of " + entry.key());
        return BuildOutcome.built(artifact);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    Path artifact(EntryKey key) {
      return work.resolve("results").resolve(key.ident().name() + ".hart");
    }

    private synchronized void append(String line) throws IOException {
      Files.writeString(
          work.resolve("starts.log"),
          line + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    }
  }
}
