package kiln.world;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Asks the host whether a command works here by running it once, its output discarded. */
final class HostProbe {

  private HostProbe() {}

  /** Whether {@code command} starts and exits 0 within 5 s (it is killed after that). */
  static boolean succeeds(List<String> command) {
    try {
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return false;
      }
      return p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
