package kiln.resume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import kiln.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkDirLockTest {

  @TempDir Path work;

  @Test
  void refusesASecondHolderInTheSameProcessNamingThePid() throws Exception {
    try (WorkDirLock lock = WorkDirLock.acquire(work)) {
      assertEquals(Optional.empty(), lock.previousHolder(), "a new work dir had no holder");
      WorkDirLockedException refused =
          assertThrows(WorkDirLockedException.class, () -> WorkDirLock.acquire(work));
      assertEquals(ProcessHandle.current().pid(), refused.holder());
      assertTrue(refused.getMessage().contains("pid " + ProcessHandle.current().pid()));
      assertEquals(Optional.of(ProcessHandle.current().pid()), WorkDirLock.holderOf(work));
      assertStillHeldAgainstAnotherProcess(); // asking again did not drop the OS lock
    }
    WorkDirLock.acquire(work).close(); // free again once released
  }

  @Test
  void refusesWhileAnotherProcessHoldsItAndTakesOverOnceItIsKilled() throws Exception {
    Process child = startHolder();
    try {
      long pid = child.pid();
      WorkDirLockedException refused =
          assertThrows(WorkDirLockedException.class, () -> WorkDirLock.acquire(work));
      assertEquals(pid, refused.holder());
      assertEquals(Optional.of(pid), WorkDirLock.liveHolderOf(work));

      child.destroyForcibly().waitFor(); // SIGKILL: no chance to clean up
      assertEquals(Optional.empty(), WorkDirLock.liveHolderOf(work), "the pid is stale now");
      try (WorkDirLock lock = WorkDirLock.acquire(work)) {
        assertEquals(Optional.of(pid), lock.previousHolder());
        assertEquals(Optional.of(ProcessHandle.current().pid()), WorkDirLock.holderOf(work));
      }
    } finally {
      child.destroyForcibly();
    }
  }

  @Test
  void aCleanReleaseLeavesNoPidSoTheNextKilnTakesOverNothing() throws Exception {
    WorkDirLock.acquire(work).close();
    assertEquals("", Files.readString(work.resolve(WorkDirLock.FILE)), "the pid is cleared");
    try (WorkDirLock again = WorkDirLock.acquire(work)) {
      assertEquals(Optional.empty(), again.previousHolder(), "no false take-over note");
    }
  }

  @Test
  void aLivePidInAnUnlockedFileIsNotARunningKiln() throws Exception {
    // a kiln killed long ago left its pid, which a live process (this one) now has
    Files.createDirectories(work);
    Files.writeString(work.resolve(WorkDirLock.FILE), ProcessHandle.current().pid() + "\n");
    assertEquals(Optional.empty(), WorkDirLock.liveHolderOf(work), "nobody holds the OS lock");
  }

  private void assertStillHeldAgainstAnotherProcess() throws Exception {
    Process child = ChildJvm.PLAIN.main(LockHolder.class, work.toString()).start();
    assertEquals(1, child.waitFor(), "the child must be refused");
    String err = new String(child.getErrorStream().readAllBytes());
    assertTrue(err.contains("another kiln (pid " + ProcessHandle.current().pid()), err);
  }

  private Process startHolder() throws Exception {
    Process child =
        ChildJvm.PLAIN
            .main(LockHolder.class, work.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String line = new BufferedReader(new InputStreamReader(child.getInputStream())).readLine();
    assertTrue(line != null && line.startsWith("locked "), "child said: " + line);
    return child;
  }
}
