package kiln.orchestrator;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import kiln.resume.EntryKey;
import kiln.resume.StageName;

/**
 * The child process of {@link StopTest}: opens a run as every kiln command does ({@link
 * RunSession}) and builds a world whose builds never end by themselves: {@code t/a} finishes when
 * kiln stops it (the stop came at its last step), {@code t/b} is abandoned. Prints {@code started
 * <key>} per build; on the stop, what {@code kiln bootstrap} says, and exits 1.
 */
public final class StopWorld {

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    FakeBuilder builder = new FakeBuilder(work.resolve("results"));
    builder.finishingWhenStopped.add("t/a");
    builder.hanging.add("t/b");
    Progress progress =
        new Progress() {
          @Override
          public void buildStarted(StageName stage, EntryKey key, Path log, int attempt) {
            System.out.println("started " + key);
            System.out.flush();
          }
        };
    boolean stopped = false;
    try (RunSession session =
        RunSession.open(
            work,
            RunSession.Choice.current(),
            Clock.systemUTC(),
            note -> System.err.println("kiln: note: " + note))) {
      try {
        new Scheduler(
                Worlds.world("a\nb\nc: a b"),
                session.journal(),
                builder,
                new LogPaths(work),
                new SchedulerOptions(2, false, Optional.empty()),
                progress)
            .run();
      } catch (InterruptedException e) {
        System.err.println("kiln: stopped"); // as bootstrap says it: before the session closes
        stopped = true;
      }
    }
    System.exit(stopped ? 1 : 0);
  }
}
