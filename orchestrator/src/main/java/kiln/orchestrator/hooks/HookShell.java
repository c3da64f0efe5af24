package kiln.orchestrator.hooks;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Runs a hook's command on the host: the one place hooks touch processes. */
public interface HookShell {

  /**
   * Runs {@code command} with {@code bash -c} and waits for it, at most {@code limit}.
   *
   * @param folder the working folder (kiln.yaml's)
   * @param environment the {@code KILN_*} variables, added to kiln's own environment
   * @param log the file the command's output (stdout and stderr) is appended to
   * @return how it ended
   * @throws IOException when the command cannot be started at all
   * @throws InterruptedException when kiln is stopping; the command and its children are killed
   */
  Exit run(String command, Path folder, Map<String, String> environment, Duration limit, Path log)
      throws IOException, InterruptedException;

  /**
   * How a hook's command ended.
   *
   * @param code its exit code; -1 when it was killed at the limit
   * @param timedOut true when it was killed at the limit
   * @param took how long it ran
   */
  record Exit(int code, boolean timedOut, Duration took) {
    public boolean succeeded() {
      return !timedOut && code == 0;
    }
  }

  /** The real one: {@code bash -c} on this host. */
  HookShell BASH = new BashShell();
}
