package kiln.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** What a test asks about a process it did not start itself (a hook's child, say). */
public final class Processes {

  private Processes() {}

  /**
   * True when the process ends within {@code wait}. A killed process whose parent died too stays a
   * zombie until the machine's init reaps it, which here can take a while: a zombie counts as
   * ended.
   */
  public static boolean endsWithin(long pid, Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (running(pid)) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(50);
    }
    return true;
  }

  private static boolean running(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      // the state follows the command name, which is in parentheses and may hold spaces
      char state = stat.charAt(stat.lastIndexOf(')') + 2);
      return state != 'Z' && state != 'X';
    } catch (IOException gone) {
      return false;
    }
  }
}
