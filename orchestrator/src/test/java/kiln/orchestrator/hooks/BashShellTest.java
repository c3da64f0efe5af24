package kiln.orchestrator.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import kiln.testing.Processes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BashShellTest {

  @TempDir Path dir;

  @Test
  void runsTheCommandInTheFolderWithTheVariablesAppendingItsOutputToTheLog() throws Exception {
    Path log = Files.writeString(dir.resolve("hook.log"), "kiln: before\n");
    HookShell.Exit exit =
        HookShell.BASH.run(
            "echo \"$KILN_STAGE in $(pwd)\"; echo oops >&2; exit 7",
            dir,
            Map.of("KILN_STAGE", "stage3"),
            Duration.ofSeconds(20),
            log);
    assertEquals(7, exit.code());
    assertFalse(exit.timedOut());
    assertEquals("kiln: before\nstage3 in " + dir.toRealPath() + "\noops\n", Files.readString(log));
  }

  @Test
  void aHookThatLeavesAProcessBehindDoesNotHoldKilnUp() throws Exception {
    Path log = dir.resolve("hook.log");
    long start = System.nanoTime();
    HookShell.Exit exit =
        HookShell.BASH.run(
            "sleep 30 & echo $! > daemon.pid", dir, Map.of(), Duration.ofSeconds(20), log);
    assertTrue(exit.succeeded());
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10, "it did not wait");
    ProcessHandle.of(Long.parseLong(Files.readString(dir.resolve("daemon.pid")).strip()))
        .ifPresent(ProcessHandle::destroyForcibly);
  }

  @Test
  void kilnStoppingKillsTheHookAndWhatItStarted() throws Exception {
    Path log = dir.resolve("hook.log");
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread runner =
        new Thread(
            () -> {
              try {
                HookShell.BASH.run(
                    "sleep 60 & echo $! > child.pid; wait",
                    dir,
                    Map.of(),
                    Duration.ofMinutes(5),
                    log);
              } catch (Throwable t) {
                thrown.set(t);
              }
            });
    runner.start();
    Path pid = dir.resolve("child.pid");
    for (int i = 0; i < 200 && (!Files.exists(pid) || Files.size(pid) == 0); i++) {
      Thread.sleep(50);
    }
    runner.interrupt();
    runner.join(20_000);
    assertFalse(runner.isAlive());
    assertTrue(thrown.get() instanceof InterruptedException, String.valueOf(thrown.get()));
    long child = Long.parseLong(Files.readString(pid).strip());
    assertTrue(Processes.endsWithin(child, Duration.ofSeconds(10)), "the hook's child is gone");
  }

  @Test
  void aCommandThatCannotStartIsAnError() {
    assertThrows(
        java.io.IOException.class,
        () ->
            HookShell.BASH.run(
                "true",
                dir.resolve("no-such-folder"),
                Map.of(),
                Duration.ofSeconds(5),
                dir.resolve("l")));
  }
}
